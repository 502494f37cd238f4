package io.lyncemu.mcx.routes;

import io.lyncemu.core.journal.EventJournal;
import io.lyncemu.core.journal.EventKind;
import io.lyncemu.core.journal.NewEvent;
import io.lyncemu.core.topology.Deployment;
import io.lyncemu.core.topology.Fqdns;
import io.lyncemu.core.topology.Topology;
import io.lyncemu.core.topology.User;
import io.lyncemu.mcx.iis.IisError;
import io.lyncemu.mcx.iis.IisErrorPages;
import io.lyncemu.mcx.web.WebRequest;
import io.lyncemu.mcx.web.WebResponse;
import io.lyncemu.mcx.web.WebRoute;
import io.lyncemu.mcx.webticket.IssuedTicket;
import io.lyncemu.mcx.webticket.MetadataDocuments;
import io.lyncemu.mcx.webticket.RequestSecurityToken;
import io.lyncemu.mcx.webticket.RequestSecurityTokenException;
import io.lyncemu.mcx.webticket.RequestSecurityTokenParser;
import io.lyncemu.mcx.webticket.RequestSecurityTokenResponseWriter;
import io.lyncemu.mcx.webticket.SoapFaults;
import io.lyncemu.mcx.webticket.TicketKind;
import io.lyncemu.mcx.webticket.UsernameToken;
import io.lyncemu.mcx.webticket.WcfServicePage;
import io.lyncemu.mcx.webticket.WebTicketStore;
import io.lyncemu.mcx.xml.XmlRejectedException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The Web Ticket service, {@code /WebTicket/WebTicketService.svc}: the WinNegotiate port (HTTP
 * NTLM/Negotiate, then WS-Trust RST → RSTR with a signed SAML 1.1 assertion), the {@code /Auth}
 * port (base64 UsernameToken, compact tickets), {@code /mex} and the WCF service page. Thread-safe.
 */
public final class WebTicketRoute implements WebRoute {
  static final String PATH = "/webticket/webticketservice.svc";
  private static final String XML = "text/xml; charset=utf-8";

  /** The longest ticket the service hands out; a client asking for more gets this. */
  static final Duration MAX_LIFETIME = Duration.ofHours(8);

  private final Deployment deployment;
  private final EventJournal journal;
  private final WebTicketStore tickets;
  private final WindowsLogon windows;
  private final IisErrorPages pages;
  private final RequestSecurityTokenParser parser;
  private final RequestSecurityTokenResponseWriter writer;

  public WebTicketRoute(
      Deployment deployment,
      EventJournal journal,
      WebTicketStore tickets,
      IisErrorPages pages,
      java.util.random.RandomGenerator random,
      java.time.Clock clock,
      int maxBodyBytes) {
    this.deployment = deployment;
    this.journal = journal;
    this.tickets = tickets;
    this.pages = pages;
    this.windows = new WindowsLogon(deployment, journal, pages, random, clock, component());
    this.parser = new RequestSecurityTokenParser(maxBodyBytes);
    this.writer = new RequestSecurityTokenResponseWriter(random);
  }

  @Override
  public String component() {
    return "webticket";
  }

  @Override
  public boolean accepts(WebRequest request) {
    return request.lowerPath().startsWith(PATH);
  }

  @Override
  public CompletionStage<WebResponse> handle(WebRequest request) {
    return CompletableFuture.completedFuture(answer(request));
  }

  private WebResponse answer(WebRequest request) {
    String rest = request.lowerPath().substring(PATH.length());
    String url = request.baseUrl() + request.path();
    boolean get = request.method().equals("GET");
    if (rest.equals("/mex")
        || (rest.isEmpty() && get && request.query().equalsIgnoreCase("wsdl"))) {
      return WebResponse.status(200).withBody(XML, metadata(request).webTicketService());
    }
    if (rest.isEmpty() || rest.equals("/")) {
      if (get) {
        return WebResponse.status(200)
            .withBody(WcfServicePage.CONTENT_TYPE, WcfServicePage.body("WebTicketService", url));
      }
      return post(request) ? winNegotiate(request) : notAllowed(url);
    }
    if (rest.equals("/auth")) {
      if (get) {
        // An empty GET to /Auth on-premises answers 400 with no body (lyncsmash relies on it).
        return WebResponse.status(400);
      }
      return post(request) ? usernameToken(request) : notAllowed(url);
    }
    return page(WebResponse.status(404), IisError.NOT_FOUND, url);
  }

  private static boolean post(WebRequest request) {
    return request.method().equals("POST");
  }

  private WebResponse winNegotiate(WebRequest request) {
    WindowsLogon.Outcome outcome = windows.logon(request);
    if (outcome instanceof WindowsLogon.Outcome.Respond respond) {
      return respond.response();
    }
    User user = ((WindowsLogon.Outcome.LoggedOn) outcome).user();
    return issue(request, user, TicketKind.SAML_1_1);
  }

  private WebResponse usernameToken(WebRequest request) {
    RequestSecurityToken rst;
    try {
      rst = parser.parse(request.body());
    } catch (XmlRejectedException e) {
      return fault(SoapFaults.forRejectedXml(e), request, "rejected XML: " + e.getMessage());
    } catch (RequestSecurityTokenException e) {
      return fault(SoapFaults.malformedRequest(e.getMessage()), request, e.getMessage());
    }
    Optional<UsernameToken> token = rst.usernameToken();
    Topology topology = deployment.current();
    Optional<User> user =
        token.flatMap(
            t ->
                t.domain().isPresent()
                    ? topology.findByLogon(t.domain().get(), t.account())
                    : topology.findUser(t.username()));
    if (token.isEmpty()
        || user.isEmpty()
        || !user.get().password().equals(token.get().password())) {
      journal.record(
          event(request, EventKind.AUTH_FAILED)
              .with("scheme", "UsernameToken")
              .with("user", token.map(UsernameToken::username).orElse(""))
              .with(
                  "reason",
                  token.isEmpty()
                      ? "no UsernameToken"
                      : user.isEmpty() ? "UNKNOWN_USER" : "WRONG_PASSWORD"));
      return fault(SoapFaults.noValidSecurityToken(), request, "no valid security token");
    }
    Optional<WebResponse> faulted = request.step("webticket.authenticate");
    if (faulted.isPresent()) {
      return faulted.get();
    }
    journal.record(
        event(request, EventKind.AUTH_SUCCEEDED)
            .with("scheme", "UsernameToken")
            .with("user", user.get().sipAddress()));
    return issue(request, user.get(), rst.requestedKind().orElse(TicketKind.SAML_1_1), rst);
  }

  private WebResponse issue(WebRequest request, User user, TicketKind defaultKind) {
    RequestSecurityToken rst;
    try {
      rst = parser.parse(request.body());
    } catch (XmlRejectedException e) {
      return fault(SoapFaults.forRejectedXml(e), request, "rejected XML: " + e.getMessage());
    } catch (RequestSecurityTokenException e) {
      return fault(SoapFaults.malformedRequest(e.getMessage()), request, e.getMessage());
    }
    return issue(request, user, rst.requestedKind().orElse(defaultKind), rst);
  }

  private WebResponse issue(
      WebRequest request, User user, TicketKind kind, RequestSecurityToken rst) {
    if (!user.isEnabled()) {
      journal.record(
          event(request, EventKind.TICKET_REJECTED)
              .with("user", user.sipAddress())
              .with("reason", "user disabled"));
      return fault(SoapFaults.accountDisabled(), request, "account disabled");
    }
    if (rst.claimedSipUri().isPresent() && !sameUser(rst.claimedSipUri().get(), user)) {
      journal.record(
          event(request, EventKind.TICKET_REJECTED)
              .with("user", user.sipAddress())
              .with("claimed", rst.claimedSipUri().get())
              .with("reason", "claimed SIP URI is not the logged-on user"));
      return fault(SoapFaults.noValidSecurityToken(), request, "claim mismatch");
    }
    Optional<WebResponse> faulted = request.step("webticket.issue");
    if (faulted.isPresent()) {
      return faulted.get();
    }
    Duration lifetime =
        rst.requestedLifetime().filter(d -> d.compareTo(MAX_LIFETIME) < 0).orElse(MAX_LIFETIME);
    IssuedTicket ticket =
        tickets.issue(user.sipAddress(), rst.appliesTo().orElse(""), lifetime, kind);
    journal.record(
        event(request, EventKind.TICKET_ISSUED)
            .with("user", user.sipAddress())
            .with("kind", kind.name())
            .with("assertion", ticket.assertionId())
            .with("expires", ticket.expires().toString()));
    return WebResponse.status(200)
        .withBody(XML, writer.write(rst, ticket).bytes())
        .withJournal("user", user.sipAddress());
  }

  private static boolean sameUser(String claimed, User user) {
    try {
      return Fqdns.sipUri(claimed).equals(user.sipAddress());
    } catch (IllegalArgumentException notSip) {
      return false;
    }
  }

  private WebResponse fault(SoapFaults.SoapFault fault, WebRequest request, String reason) {
    String fqdn = deployment.current().primaryPool().fqdn();
    return WebResponse.status(SoapFaults.SoapFault.HTTP_STATUS)
        .withHeader("X-Ms-diagnostics", fault.diagnosticsHeader(fqdn))
        .withBody(SoapFaults.SoapFault.CONTENT_TYPE, fault.bytes())
        .withJournal("fault", reason);
  }

  private MetadataDocuments metadata(WebRequest request) {
    return new MetadataDocuments(URI.create(request.baseUrl()), request.host(), false);
  }

  private WebResponse notAllowed(String url) {
    return page(
        WebResponse.status(405).withHeader("Allow", "GET, POST"), IisError.METHOD_NOT_ALLOWED, url);
  }

  private WebResponse page(WebResponse response, IisError error, String url) {
    var page = pages.render(error, url);
    return response.withBody(page.contentType(), page.body());
  }

  private NewEvent event(WebRequest request, EventKind kind) {
    return NewEvent.of(component(), kind)
        .withConnection(request.connectionId())
        .withPeer(request.remote());
  }
}
