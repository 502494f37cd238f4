package io.lyncemu.mcx.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.lyncemu.mcx.WebFixture;
import io.lyncemu.mcx.WebSamples;
import io.lyncemu.mcx.auth.NtlmClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A deliberately dumb HTTP/1.1 client on a raw socket, so tests can send what no real client
 * library would, plus the checks every hostile-input test ends with.
 */
final class RawHttp {
  static final String WEB_TICKET = "/WebTicket/WebTicketService.svc";
  static final String AUTH = WEB_TICKET + "/Auth";
  static final String OAUTH = "/WebTicket/oauthtoken";
  static final int SOCKET_TIMEOUT_MILLIS = 10_000;

  private RawHttp() {}

  /** One parsed response. */
  record Reply(int status, List<Map.Entry<String, String>> headers, String body) {
    List<String> all(String name) {
      return headers.stream()
          .filter(h -> h.getKey().equalsIgnoreCase(name))
          .map(Map.Entry::getValue)
          .toList();
    }
  }

  static Socket connect(int port) throws IOException {
    Socket socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
    return socket;
  }

  static Reply exchange(
      Socket socket, String method, String path, Map<String, String> headers, String body)
      throws IOException {
    return exchange(socket, method, path, headers, body.getBytes(StandardCharsets.UTF_8));
  }

  static Reply exchange(
      Socket socket, String method, String path, Map<String, String> headers, byte[] body)
      throws IOException {
    StringBuilder request =
        new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: atl-cs-001.litwareinc.com\r\n");
    headers.forEach((k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
    request.append("Content-Length: ").append(body.length).append("\r\n\r\n");
    OutputStream out = socket.getOutputStream();
    out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.flush();
    return read(socket.getInputStream());
  }

  /** Reads one response: Content-Length, chunked, or up to the end of the stream. */
  static Reply read(InputStream in) throws IOException {
    String statusLine = line(in);
    if (statusLine.isEmpty()) {
      throw new IOException("connection closed before a status line");
    }
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    long length = -1;
    boolean chunked = false;
    for (String h = line(in); !h.isEmpty(); h = line(in)) {
      int colon = h.indexOf(':');
      String name = h.substring(0, colon).trim();
      String value = h.substring(colon + 1).trim();
      headers.add(Map.entry(name, value));
      if (name.equalsIgnoreCase("Content-Length")) {
        length = Long.parseLong(value);
      } else if (name.equalsIgnoreCase("Transfer-Encoding")
          && value.toLowerCase(Locale.ROOT).contains("chunked")) {
        chunked = true;
      }
    }
    byte[] body;
    if (chunked) {
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16);
          size > 0;
          size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
        all.write(in.readNBytes(size));
        line(in);
      }
      line(in);
      body = all.toByteArray();
    } else if (length >= 0) {
      body = in.readNBytes((int) length);
    } else {
      body = in.readAllBytes();
    }
    return new Reply(
        Integer.parseInt(statusLine.split(" ")[1]),
        headers,
        new String(body, StandardCharsets.UTF_8));
  }

  static String line(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c != '\n' && c != -1; c = in.read()) {
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }

  static String b64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  static NtlmClient ntlmClient() {
    return new NtlmClient(new SecureRandom(), Clock.systemUTC());
  }

  /** The base64 CHALLENGE token from a 401 answering a type 1. */
  static byte[] challengeOf(Reply reply) {
    assertThat(reply.status()).isEqualTo(401);
    String header =
        reply.all("WWW-Authenticate").stream()
            .filter(v -> v.indexOf(' ') > 0)
            .findFirst()
            .orElseThrow(() -> new AssertionError("no challenge in " + reply.headers()));
    return Base64.getDecoder().decode(header.substring(header.indexOf(' ') + 1));
  }

  static Map<String, String> soapHeaders() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "text/xml; charset=utf-8");
    return headers;
  }

  /**
   * A complete NTLM logon on a fresh connection to the WinNegotiate port, posting {@code body} once
   * logged on; returns the final answer.
   */
  static Reply ntlmLogon(int port, String password, String body) throws IOException {
    NtlmClient client = ntlmClient();
    try (Socket socket = connect(port)) {
      Map<String, String> headers = soapHeaders();
      headers.put("Authorization", "NTLM " + b64(client.negotiate()));
      Reply challenge = exchange(socket, "POST", WEB_TICKET, headers, body);
      byte[] type3 =
          client.authenticate(challengeOf(challenge), "LITWAREINC", "kenmyer", password, "WS01");
      headers.put("Authorization", "NTLM " + b64(type3));
      return exchange(socket, "POST", WEB_TICKET, headers, body);
    }
  }

  /** The emulator still serves a well-behaved client: a good NTLM logon gets its ticket. */
  static void assertStillServing(WebFixture web) throws IOException {
    Reply reply = ntlmLogon(web.httpPort(), "Ken!Lync2013", WebSamples.RST);
    assertThat(reply.status()).as("a good logon after the hostile request").isEqualTo(200);
    assertThat(reply.body()).contains("RequestSecurityTokenResponse");
  }

  /** Whatever went wrong, nothing internal leaks onto the wire. */
  static void assertNoInternals(Reply reply) {
    assertThat(reply.body())
        .doesNotContain("Exception")
        .doesNotContain("at io.")
        .doesNotContain("at org.eclipse")
        .doesNotContainIgnoringCase("jetty");
    assertThat(reply.headers())
        .extracting(h -> h.getKey() + ": " + h.getValue())
        .noneMatch(h -> h.toLowerCase(Locale.ROOT).contains("jetty"));
  }
}
