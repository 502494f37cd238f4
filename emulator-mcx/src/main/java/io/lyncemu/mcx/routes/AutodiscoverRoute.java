package io.lyncemu.mcx.routes;

import io.lyncemu.core.journal.EventJournal;
import io.lyncemu.core.journal.EventKind;
import io.lyncemu.core.journal.NewEvent;
import io.lyncemu.core.topology.Deployment;
import io.lyncemu.core.topology.Fqdns;
import io.lyncemu.core.topology.Topology;
import io.lyncemu.core.topology.User;
import io.lyncemu.mcx.autodiscover.AutodiscoverDocument;
import io.lyncemu.mcx.autodiscover.AutodiscoverFormat;
import io.lyncemu.mcx.autodiscover.AutodiscoverRenderer;
import io.lyncemu.mcx.autodiscover.AutodiscoverResources;
import io.lyncemu.mcx.autodiscover.WebBases;
import io.lyncemu.mcx.iis.IisError;
import io.lyncemu.mcx.iis.IisErrorPage;
import io.lyncemu.mcx.iis.IisErrorPages;
import io.lyncemu.mcx.web.WebRequest;
import io.lyncemu.mcx.web.WebResponse;
import io.lyncemu.mcx.web.WebRoute;
import io.lyncemu.mcx.webticket.IssuedTicket;
import io.lyncemu.mcx.webticket.WebTicketStore;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Lync autodiscover (PROTOCOLS.md section 1): {@code /} on the lyncdiscover host names and {@code
 * /autodiscover/autodiscoverservice.svc/root[/user|/domain|/oauth/user]} on any host. Root and
 * Domain are anonymous; User needs a web ticket ({@code X-MS-WebTicket}, else 401 with {@code
 * X-MS-WebTicketURL}) and OAuth User a Bearer token (else 401 with the MsRtcOAuth challenge). A
 * user the deployment does not know gets 404 with an empty body. The host name decides {@code
 * AccessLocation}, {@code Accept} the format. Thread-safe.
 */
public final class AutodiscoverRoute implements WebRoute {
  static final String ROOT = "/autodiscover/autodiscoverservice.svc/root";

  private final Deployment deployment;
  private final EventJournal journal;
  private final TicketGate gate;
  private final IisErrorPages pages;
  private final AutodiscoverResources resources = new AutodiscoverResources();
  private final AutodiscoverRenderer renderer = new AutodiscoverRenderer();

  public AutodiscoverRoute(
      Deployment deployment, EventJournal journal, WebTicketStore tickets, IisErrorPages pages) {
    this.deployment = Objects.requireNonNull(deployment, "deployment");
    this.journal = Objects.requireNonNull(journal, "journal");
    this.pages = Objects.requireNonNull(pages, "pages");
    this.gate = new TicketGate(tickets, pages);
  }

  @Override
  public String component() {
    return "autodiscover";
  }

  @Override
  public boolean accepts(WebRequest request) {
    String path = request.lowerPath();
    if (path.startsWith(ROOT)) {
      return true;
    }
    // The bare host names serve the Root resource at "/"; so does an address that is not an
    // emulated name (127.0.0.1 in tests), where there is nothing else to serve at "/".
    return path.equals("/")
        && (request.host().startsWith("lyncdiscover")
            || !deployment.current().hostNames().contains(request.host()));
  }

  @Override
  public CompletionStage<WebResponse> handle(WebRequest request) {
    return CompletableFuture.completedFuture(answer(request));
  }

  private WebResponse answer(WebRequest request) {
    String url = request.baseUrl() + request.path();
    if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
      return page(
          WebResponse.status(405).withHeader("Allow", "GET"), IisError.METHOD_NOT_ALLOWED, url);
    }
    String rest =
        request.lowerPath().startsWith(ROOT) ? request.lowerPath().substring(ROOT.length()) : "";
    if (rest.endsWith("/")) {
      rest = rest.substring(0, rest.length() - 1);
    }
    Topology topology = deployment.current();
    AutodiscoverFormat format = AutodiscoverFormat.fromAccept(request.header("Accept").orElse(""));
    Optional<String> sipUri = request.queryParameter("sipuri").flatMap(AutodiscoverRoute::sipUri);
    WebBases bases =
        WebBases.forRequest(
            topology, topology.primaryPool(), request.scheme(), request.host(), request.port());
    return switch (rest) {
      case "" ->
          stepped(request, "autodiscover.root")
              .orElseGet(
                  () ->
                      render(
                          request,
                          resources.root(
                              bases, sipUri.map(Fqdns::domainOf).orElse(topology.sipDomain())),
                          format,
                          "root",
                          ""));
      case "/domain" ->
          stepped(request, "autodiscover.root")
              .orElseGet(
                  () -> render(request, resources.domain(topology, bases), format, "domain", ""));
      case "/user" -> user(request, topology, bases, format, false);
      case "/oauth/user" -> user(request, topology, bases, format, true);
      default -> page(WebResponse.status(404), IisError.NOT_FOUND, url);
    };
  }

  private WebResponse user(
      WebRequest request,
      Topology topology,
      WebBases bases,
      AutodiscoverFormat format,
      boolean oauth) {
    Optional<IssuedTicket> ticket = oauth ? bearer(request) : gate.ticket(request);
    if (ticket.isEmpty()) {
      return oauth
          ? gate.oauthChallenge(request, topology, bases.local())
          : gate.webTicketChallenge(request, topology, bases.local());
    }
    Optional<WebResponse> faulted = request.step("autodiscover.user");
    if (faulted.isPresent()) {
      return faulted.get();
    }
    String target =
        request
            .queryParameter("sipuri")
            .flatMap(AutodiscoverRoute::sipUri)
            .orElse(ticket.get().sipUri());
    Optional<User> user = topology.findUser(target);
    if (user.isEmpty()) {
      journal.record(event(request, "user", format).with("user", target).with("status", 404));
      return WebResponse.status(404).withJournal("user", target);
    }
    AutodiscoverDocument document =
        oauth
            ? resources.oauthUser(topology, topology.homePool(user.get()), bases)
            : resources.user(topology, topology.homePool(user.get()), bases);
    return render(request, document, format, oauth ? "oauth/user" : "user", target);
  }

  /** OAuth User wants a Bearer token specifically; a SAML ticket is not enough there. */
  private Optional<IssuedTicket> bearer(WebRequest request) {
    return request
        .header("Authorization")
        .filter(value -> value.trim().toLowerCase(Locale.ROOT).startsWith("bearer "))
        .flatMap(value -> gate.ticket(request));
  }

  private WebResponse render(
      WebRequest request,
      AutodiscoverDocument document,
      AutodiscoverFormat format,
      String resource,
      String user) {
    AutodiscoverRenderer.Rendered rendered = renderer.render(document, format);
    NewEvent event = event(request, resource, format).with("status", 200);
    journal.record(user.isEmpty() ? event : event.with("user", user));
    WebResponse response =
        WebResponse.status(200)
            .withBody(rendered.contentType(), rendered.body())
            .withJournal("resource", resource);
    return user.isEmpty() ? response : response.withJournal("user", user);
  }

  private NewEvent event(WebRequest request, String resource, AutodiscoverFormat format) {
    return NewEvent.of(component(), EventKind.AUTODISCOVER)
        .withConnection(request.connectionId())
        .withPeer(request.remote())
        .with("resource", resource)
        .with("format", format.name())
        .with("host", request.host());
  }

  private Optional<WebResponse> stepped(WebRequest request, String step) {
    return request.step(step);
  }

  private static Optional<String> sipUri(String value) {
    try {
      return Optional.of(Fqdns.sipUri(value));
    } catch (IllegalArgumentException notSip) {
      return Optional.empty();
    }
  }

  private WebResponse page(WebResponse response, IisError error, String url) {
    IisErrorPage page = pages.render(error, url);
    return response.withBody(page.contentType(), page.body());
  }
}
