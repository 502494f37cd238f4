package io.lyncemu.mcx.routes;

import io.lyncemu.core.topology.Topology;
import io.lyncemu.mcx.iis.IisError;
import io.lyncemu.mcx.iis.IisErrorPage;
import io.lyncemu.mcx.iis.IisErrorPages;
import io.lyncemu.mcx.web.WebRequest;
import io.lyncemu.mcx.web.WebResponse;
import io.lyncemu.mcx.webticket.IssuedTicket;
import io.lyncemu.mcx.webticket.SoapFaults;
import io.lyncemu.mcx.webticket.WebTicketStore;
import java.util.Objects;
import java.util.Optional;

/**
 * The web-ticket check in front of autodiscover User, MCX and UCWA: accepts {@code X-MS-WebTicket:
 * opaque=…} (SAML) or {@code Authorization: Bearer cwt=…}, and builds the two kinds of 401 a client
 * can get instead: the web-ticket one ({@code X-MS-WebTicketURL}, PROTOCOLS 1.3/3.2) and the OAuth
 * one ({@code WWW-Authenticate: Bearer …} and {@code MsRtcOAuth …}, PROTOCOLS 2.9). Thread-safe.
 */
final class TicketGate {
  static final String WEB_TICKET_PATH = "/WebTicket/WebTicketService.svc";
  static final String OAUTH_PATH = "/WebTicket/oauthtoken";

  /** The well-known principals of Lync's OAuth challenge (Exchange/Lync server-to-server ids). */
  private static final String TRUSTED_ISSUER = "00000002-0000-0ff1-ce00-000000000000";

  private static final String CLIENT_ID = "00000004-0000-0ff1-ce00-000000000000";

  private final WebTicketStore tickets;
  private final IisErrorPages pages;

  TicketGate(WebTicketStore tickets, IisErrorPages pages) {
    this.tickets = Objects.requireNonNull(tickets, "tickets");
    this.pages = Objects.requireNonNull(pages, "pages");
  }

  /** The valid, unexpired ticket the request presents, if any. */
  Optional<IssuedTicket> ticket(WebRequest request) {
    Optional<IssuedTicket> opaque =
        request.header("X-MS-WebTicket").flatMap(tickets::validateOpaqueHeader);
    if (opaque.isPresent()) {
      return opaque;
    }
    return request.header("Authorization").flatMap(tickets::validateBearer);
  }

  /**
   * 401 for a resource that wants a web ticket: the IIS 401 page, {@code X-MS-WebTicketURL} on the
   * web base the client can reach, and the 28020 diagnostics.
   */
  WebResponse webTicketChallenge(WebRequest request, Topology topology, String webBase) {
    IisErrorPage page =
        pages.render(IisError.UNAUTHORIZED_NO_CREDENTIALS, request.baseUrl() + request.path());
    return WebResponse.status(401)
        .withHeader("X-MS-WebTicketURL", webBase + WEB_TICKET_PATH)
        .withHeader("X-Ms-diagnostics", diagnostics(topology))
        .withBody(page.contentType(), page.body());
  }

  /** 401 for a UCWA/OAuth resource: the Bearer and MsRtcOAuth challenges as two headers. */
  WebResponse oauthChallenge(WebRequest request, Topology topology, String webBase) {
    IisErrorPage page =
        pages.render(IisError.UNAUTHORIZED_NO_CREDENTIALS, request.baseUrl() + request.path());
    return WebResponse.status(401)
        .withHeader(
            "WWW-Authenticate",
            "Bearer trusted_issuers=\""
                + TRUSTED_ISSUER
                + "@"
                + topology.sipDomain()
                + "\", client_id=\""
                + CLIENT_ID
                + "\"")
        .withHeader(
            "WWW-Authenticate",
            "MsRtcOAuth href=\""
                + webBase
                + OAUTH_PATH
                + "\",grant_type=\"urn:microsoft.rtc:windows,urn:microsoft.rtc:anonmeeting,password\"")
        .withHeader("X-Ms-diagnostics", diagnostics(topology))
        .withBody(page.contentType(), page.body());
  }

  private static String diagnostics(Topology topology) {
    return SoapFaults.diagnosticsHeader(
        SoapFaults.NO_VALID_SECURITY_TOKEN_ID,
        topology.primaryPool().fqdn(),
        "No valid security token.",
        Optional.empty());
  }
}
