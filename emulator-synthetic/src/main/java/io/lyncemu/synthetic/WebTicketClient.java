package io.lyncemu.synthetic;

import io.lyncemu.mcx.auth.NtlmClient;
import io.lyncemu.mcx.auth.NtlmFormatException;
import io.lyncemu.mcx.auth.Spnego;
import io.lyncemu.synthetic.httpclient.HttpFailure;
import io.lyncemu.synthetic.httpclient.HttpReply;
import io.lyncemu.synthetic.httpclient.LegClient;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Gets a web ticket from the Web Ticket service's WinNegotiate port the way WCF's Windows
 * credential does: an anonymous POST to learn the offered schemes, then {@code Negotiate} carrying
 * a raw NTLMSSP NEGOTIATE, the CHALLENGE in the 401, and the AUTHENTICATE on the same connection.
 * WCF never falls back to the {@code NTLM} scheme, so a server that does not offer {@code
 * Negotiate} fails the transaction. Not thread-safe: one per leg.
 */
final class WebTicketClient {
  static final String PATH = "/WebTicket/WebTicketService.svc";

  /**
   * The workstation name NTLM carries. The real cmdlet runs on a Front End and sends its name; ours
   * says what it is.
   */
  static final String WORKSTATION = "LYNCEMU-SYNTHETIC";

  private static final byte[] NTLMSSP = "NTLMSSP\0".getBytes(StandardCharsets.US_ASCII);
  private static final String NEGOTIATE = "Negotiate";

  private final LegClient leg;
  private final URI service;
  private final RandomGenerator random;
  private final Clock clock;
  private final Duration timeout;

  WebTicketClient(
      LegClient leg, URI service, RandomGenerator random, Clock clock, Duration timeout) {
    this.leg = Objects.requireNonNull(leg, "leg");
    this.service = Objects.requireNonNull(service, "service");
    this.random = Objects.requireNonNull(random, "random");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  /**
   * @return the signed SAML assertion XML, ready for {@code X-MS-WebTicket: opaque=}
   */
  String acquire(String appliesTo, String sipUri, UserCredential credential)
      throws TransactionFailure {
    byte[] rst = WsTrustMessages.requestSecurityToken(appliesTo, sipUri);
    HttpReply anonymous = post(rst, Optional.empty());
    if (anonymous.status() != 401) {
      return ticketOrFailure(anonymous, NEGOTIATE);
    }
    boolean negotiateOffered =
        anonymous.all("WWW-Authenticate").stream()
            .anyMatch(v -> v.trim().toLowerCase(Locale.ROOT).startsWith("negotiate"));
    if (!negotiateOffered) {
      throw TransactionFailure.unauthorized(NEGOTIATE, anonymous);
    }

    NtlmClient ntlm = new NtlmClient(random, clock);
    HttpReply challenged = post(rst, Optional.of(ntlm.negotiate()));
    if (challenged.status() != 401) {
      return ticketOrFailure(challenged, NEGOTIATE);
    }
    Optional<byte[]> token = negotiateToken(challenged);
    if (token.isEmpty()) {
      throw TransactionFailure.unauthorized(NEGOTIATE, challenged);
    }
    boolean raw = startsWithNtlmssp(token.get());
    byte[] authenticate;
    try {
      byte[] challenge = raw ? token.get() : Spnego.unwrapChallenge(token.get());
      byte[] type3 =
          ntlm.authenticate(
              challenge,
              credential.domain(),
              credential.user(),
              credential.password(),
              WORKSTATION);
      // Answer in the framing the server used: raw NTLMSSP, or SPNEGO if it wrapped its CHALLENGE.
      authenticate = raw ? type3 : Spnego.wrapAuthenticate(type3);
    } catch (NtlmFormatException e) {
      throw TransactionFailure.unreadable(
          TransactionFailure.WEB_TICKET_SERVICE,
          "the Negotiate challenge is not NTLM (" + e.getMessage() + ")",
          challenged);
    }
    // After NTLM ran inside Negotiate, WCF names the scheme it ended up with: 'Ntlm'.
    return ticketOrFailure(post(rst, Optional.of(authenticate)), "Ntlm");
  }

  private String ticketOrFailure(HttpReply reply, String scheme) throws TransactionFailure {
    if (reply.status() == 200) {
      return WsTrustMessages.assertion(reply.body())
          .orElseThrow(
              () ->
                  TransactionFailure.unreadable(
                      TransactionFailure.WEB_TICKET_SERVICE,
                      "the answer holds no saml:Assertion",
                      reply));
    }
    if (reply.status() == 401) {
      throw TransactionFailure.unauthorized(scheme, reply);
    }
    Optional<String> fault = WsTrustMessages.faultReason(reply.body());
    if (fault.isPresent()) {
      throw TransactionFailure.webTicketFault(fault.get(), reply);
    }
    throw TransactionFailure.httpError(TransactionFailure.WEB_TICKET_SERVICE, reply);
  }

  private HttpReply post(byte[] rst, Optional<byte[]> token) throws TransactionFailure {
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    headers.add(Map.entry("SOAPAction", WsTrustMessages.SOAP_ACTION));
    token.ifPresent(
        t ->
            headers.add(
                Map.entry(
                    "Authorization", NEGOTIATE + " " + Base64.getEncoder().encodeToString(t))));
    try {
      return leg.post(service, headers, WsTrustMessages.CONTENT_TYPE, rst, timeout);
    } catch (HttpFailure e) {
      throw TransactionFailure.transport(TransactionFailure.WEB_TICKET_SERVICE, e);
    }
  }

  private static Optional<byte[]> negotiateToken(HttpReply reply) {
    for (String value : reply.all("WWW-Authenticate")) {
      String v = value.trim();
      if (v.regionMatches(true, 0, NEGOTIATE + " ", 0, NEGOTIATE.length() + 1)) {
        try {
          return Optional.of(
              Base64.getDecoder().decode(v.substring(NEGOTIATE.length() + 1).trim()));
        } catch (IllegalArgumentException notBase64) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  private static boolean startsWithNtlmssp(byte[] token) {
    if (token.length < NTLMSSP.length) {
      return false;
    }
    for (int i = 0; i < NTLMSSP.length; i++) {
      if (token[i] != NTLMSSP[i]) {
        return false;
      }
    }
    return true;
  }
}
