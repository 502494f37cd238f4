package io.lyncemu.it.xmpp;

import io.lyncemu.app.LyncEmulator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A Lync mobile user on the emulator's Mobility Service (docs/mcx-protocol.md): a compact web
 * ticket from {@code /WebTicket/oauthtoken} (password grant), then an MCX session on the plain-HTTP
 * web listener. Every event {@code getEvents} returns is kept, so tests await one with a predicate
 * and a bound, and a failure message can list what did arrive. Not thread-safe: one test thread.
 */
public final class McxTestUser implements AutoCloseable {
  static final String NAMESPACE = "urn:lyncemu:mcx:1";
  private static final String CONTENT_TYPE = "application/vnd.lyncemu.mcx+xml; charset=utf-8";
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
  private static final Pattern ACCESS_TOKEN =
      Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

  /**
   * One getEvents item: {@code kind} is {@code message}, {@code presence} or {@code
   * deliveryFailed}.
   */
  public record Event(String kind, String from, String to, String text, String availability) {
    @Override
    public String toString() {
      return switch (kind) {
        case "message" -> "message from " + from + " to " + to + ": " + text;
        case "presence" -> "presence " + from + " " + availability;
        default -> kind + " to " + to + ": " + text;
      };
    }
  }

  private final HttpClient http;
  private final URI mcx;
  private final String authorization;
  private final String sipUri;
  private final String session;
  private final List<Event> events = new ArrayList<>();
  private long ack;

  private McxTestUser(
      HttpClient http, URI mcx, String authorization, String sipUri, String session) {
    this.http = http;
    this.mcx = mcx;
    this.authorization = authorization;
    this.sipUri = sipUri;
    this.session = session;
  }

  /**
   * Signs {@code sipUri} in: OAuth password grant with {@code logon} (<code>DOMAIN&#92;user</code>)
   * and {@code password}, then {@code createSession} as an iPhone. Signing in publishes Online.
   */
  public static McxTestUser signIn(LyncEmulator lync, String sipUri, String logon, String password)
      throws IOException {
    InetSocketAddress web = lync.endpoints().get("web-http");
    String base = "http://127.0.0.1:" + web.getPort();
    HttpClient http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
    String form =
        "grant_type=password&username="
            + URLEncoder.encode(logon, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8);
    HttpResponse<String> token =
        send(
            http,
            HttpRequest.newBuilder(URI.create(base + "/WebTicket/oauthtoken"))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    Matcher cwt = ACCESS_TOKEN.matcher(token.body());
    if (token.statusCode() != 200 || !cwt.find()) {
      throw new IOException(
          "no web ticket for " + logon + ": " + token.statusCode() + " " + token.body());
    }
    String authorization = "Bearer " + cwt.group(1);
    URI mcx = URI.create(base + "/Mcx/McxService.svc");
    Element answer =
        call(
            http,
            mcx,
            authorization,
            "<createSession xmlns='"
                + NAMESPACE
                + "' deviceType='iPhone' userAgent='XmppFederationIT'/>",
            REQUEST_TIMEOUT);
    Element created = child(answer, "session");
    if (created == null || created.getAttribute("id").isEmpty()) {
      throw new IOException("createSession for " + sipUri + " gave no session id");
    }
    return new McxTestUser(http, mcx, authorization, sipUri, created.getAttribute("id"));
  }

  public String sipUri() {
    return sipUri;
  }

  /** {@code sendMessage}; returns the message id the service assigned. */
  public String sendMessage(String to, String text) throws IOException {
    Element answer =
        request(
            "<sendMessage xmlns='"
                + NAMESPACE
                + "' session='"
                + session
                + "' to='"
                + escape(to)
                + "'>"
                + escape(text)
                + "</sendMessage>");
    Element sent = child(answer, "sent");
    return sent == null ? "" : sent.getAttribute("messageId");
  }

  /** {@code publishPresence} with an MCX availability ({@code Online}, {@code Busy}, …). */
  public void publishPresence(String availability) throws IOException {
    request(
        "<publishPresence xmlns='"
            + NAMESPACE
            + "' session='"
            + session
            + "' availability='"
            + escape(availability)
            + "'/>");
  }

  /** {@code subscribePresence} to one contact; later changes arrive as presence events. */
  public void subscribePresence(String contactUri) throws IOException {
    request(
        "<subscribePresence xmlns='"
            + NAMESPACE
            + "' session='"
            + session
            + "'><contact uri='"
            + escape(contactUri)
            + "'/></subscribePresence>");
  }

  /**
   * Long-polls until an event matching {@code wanted} has arrived (also one that came earlier), for
   * at most {@code timeout}.
   *
   * @throws AssertionError naming every event received, when none matched in time
   */
  public Event awaitEvent(String what, Predicate<Event> wanted, Duration timeout)
      throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      for (Event e : events) {
        if (wanted.test(e)) {
          return e;
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError(
            sipUri + " received no " + what + " within " + timeout + "; events: " + events);
      }
      poll(Duration.ofNanos(left));
    }
  }

  /** Every event received so far, for assertion messages. */
  public List<Event> events() {
    return List.copyOf(events);
  }

  private void poll(Duration left) throws IOException {
    long seconds = Math.max(1, Math.min(5, (left.toMillis() + 999) / 1000));
    Element answer =
        call(
            http,
            mcx,
            authorization,
            "<getEvents xmlns='"
                + NAMESPACE
                + "' session='"
                + session
                + "' ack='"
                + ack
                + "' timeoutSeconds='"
                + seconds
                + "'/>",
            REQUEST_TIMEOUT.plusSeconds(seconds));
    Element batch = child(answer, "events");
    if (batch == null) {
      return;
    }
    for (Node n = batch.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && NAMESPACE.equals(e.getNamespaceURI())) {
        switch (e.getLocalName()) {
          case "message" ->
              events.add(
                  new Event(
                      "message",
                      e.getAttribute("from"),
                      e.getAttribute("to"),
                      e.getTextContent(),
                      ""));
          case "presence" ->
              events.add(
                  new Event(
                      "presence", e.getAttribute("uri"), "", "", e.getAttribute("availability")));
          case "deliveryFailed" ->
              events.add(
                  new Event(
                      "deliveryFailed", "", e.getAttribute("to"), e.getAttribute("reason"), ""));
          default -> {}
        }
      }
    }
    String next = batch.getAttribute("next");
    if (!next.isEmpty()) {
      ack = Long.parseLong(next.trim());
    }
  }

  /** Ends the MCX session; errors are ignored (the emulator may already be stopping). */
  @Override
  public void close() {
    try {
      request("<endSession xmlns='" + NAMESPACE + "' session='" + session + "'/>");
    } catch (IOException | RuntimeException ignored) {
      // best effort: the test's verdict does not depend on a clean sign-out
    }
  }

  @Override
  public String toString() {
    return "McxTestUser(" + sipUri + " session " + session + ")";
  }

  private Element request(String body) throws IOException {
    return call(http, mcx, authorization, body, REQUEST_TIMEOUT);
  }

  private static Element call(
      HttpClient http, URI mcx, String authorization, String body, Duration timeout)
      throws IOException {
    HttpResponse<String> response =
        send(
            http,
            HttpRequest.newBuilder(mcx)
                .timeout(timeout)
                .header("Content-Type", CONTENT_TYPE)
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    if (response.statusCode() != 200) {
      throw new IOException(
          "MCX answered " + response.statusCode() + " to " + body + ": " + response.body());
    }
    return parse(response.body());
  }

  private static HttpResponse<String> send(HttpClient http, HttpRequest request)
      throws IOException {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted: " + request.uri(), e);
    }
  }

  private static Element parse(String xml) throws IOException {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Document doc =
          factory
              .newDocumentBuilder()
              .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
      return doc.getDocumentElement();
    } catch (Exception e) {
      throw new IOException("unreadable MCX answer: " + xml, e);
    }
  }

  private static Element child(Element parent, String localName) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e
          && NAMESPACE.equals(e.getNamespaceURI())
          && localName.equals(e.getLocalName())) {
        return e;
      }
    }
    return Objects.equals(parent.getLocalName(), localName) ? parent : null;
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("'", "&apos;")
        .replace("\"", "&quot;");
  }
}
