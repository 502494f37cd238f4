package io.lyncemu.mcx.webticket;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * One web ticket the emulator issued. Both forms exist for every ticket; {@link #kind()} says which
 * one the client received. Immutable; {@link #toString()} leaves the secrets out.
 *
 * @param sipUri the authenticated user, {@code sip:user@domain}
 * @param assertionId the SAML AssertionID ({@code SamlSecurityToken-<uuid>})
 * @param assertionXml the signed SAML assertion, exactly as sent
 * @param cwt the compact web ticket text ({@code cwt=…})
 * @param issued start of validity
 * @param expires end of validity (exclusive)
 * @param kind which form went on the wire
 */
public record IssuedTicket(
    String sipUri,
    String assertionId,
    String assertionXml,
    String cwt,
    Instant issued,
    Instant expires,
    TicketKind kind) {

  public IssuedTicket {
    Objects.requireNonNull(sipUri, "sipUri");
    Objects.requireNonNull(assertionId, "assertionId");
    Objects.requireNonNull(assertionXml, "assertionXml");
    Objects.requireNonNull(cwt, "cwt");
    Objects.requireNonNull(issued, "issued");
    Objects.requireNonNull(expires, "expires");
    Objects.requireNonNull(kind, "kind");
  }

  /** Whether the ticket is valid at {@code now}: {@code issued <= now < expires}. */
  public boolean validAt(Instant now) {
    return !now.isBefore(issued) && now.isBefore(expires);
  }

  /** The {@code X-MS-WebTicket} header value a client presents: {@code opaque=<base64 XML>}. */
  public String opaqueHeaderValue() {
    return "opaque="
        + Base64.getEncoder().encodeToString(assertionXml.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "IssuedTicket[sipUri="
        + sipUri
        + ", assertionId="
        + assertionId
        + ", issued="
        + issued
        + ", expires="
        + expires
        + ", kind="
        + kind
        + "]";
  }
}
