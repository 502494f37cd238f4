package io.lyncemu.mcx.webticket;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed WS-Trust 1.3 {@code RequestSecurityToken} (PROTOCOLS 2.3), as sipe sends it to the
 * WinNegotiate port or as mobile clients send it to {@code /Auth}. Immutable; every part a client
 * may leave out is an {@link Optional}.
 *
 * @param context the RST {@code Context} attribute
 * @param tokenType {@code wst:TokenType} (SAML 1.1 or {@code user-cwt-1})
 * @param requestType {@code wst:RequestType}, either the 2005/02 or the 1.3 Issue URI
 * @param appliesTo {@code wsp:AppliesTo/wsa:EndpointReference/wsa:Address}
 * @param claimedSipUri the {@code auth:Value} of the claim-type {@code …/claims/uri}
 * @param clientEntropy {@code wst:Entropy/wst:BinarySecret} as sent (validated base64)
 * @param keyType {@code wst:KeyType}
 * @param lifetimeCreated {@code wst:Lifetime/wsu:Created}
 * @param lifetimeExpires {@code wst:Lifetime/wsu:Expires}
 * @param usernameToken the decoded {@code wsse:UsernameToken} of the SOAP header
 * @param messageId the {@code wsa:MessageID} header, for {@code RelatesTo} in the answer
 */
public record RequestSecurityToken(
    Optional<String> context,
    Optional<String> tokenType,
    Optional<String> requestType,
    Optional<String> appliesTo,
    Optional<String> claimedSipUri,
    Optional<String> clientEntropy,
    Optional<String> keyType,
    Optional<Instant> lifetimeCreated,
    Optional<Instant> lifetimeExpires,
    Optional<UsernameToken> usernameToken,
    Optional<String> messageId) {

  public RequestSecurityToken {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(tokenType, "tokenType");
    Objects.requireNonNull(requestType, "requestType");
    Objects.requireNonNull(appliesTo, "appliesTo");
    Objects.requireNonNull(claimedSipUri, "claimedSipUri");
    Objects.requireNonNull(clientEntropy, "clientEntropy");
    Objects.requireNonNull(keyType, "keyType");
    Objects.requireNonNull(lifetimeCreated, "lifetimeCreated");
    Objects.requireNonNull(lifetimeExpires, "lifetimeExpires");
    Objects.requireNonNull(usernameToken, "usernameToken");
    Objects.requireNonNull(messageId, "messageId");
  }

  /** The kind the client asked for; absent for an unknown or missing TokenType. */
  public Optional<TicketKind> requestedKind() {
    return tokenType.flatMap(TicketKind::forTokenType);
  }

  /** The decoded client entropy (a fresh copy each call). */
  public Optional<byte[]> clientEntropyBytes() {
    return clientEntropy.map(b64 -> Base64.getMimeDecoder().decode(b64));
  }

  /**
   * The lifetime the client asked for: {@code Expires - Created} when both are present and ordered.
   * The issuer caps it; the client's clock is never trusted for the start time.
   */
  public Optional<Duration> requestedLifetime() {
    if (lifetimeCreated.isEmpty() || lifetimeExpires.isEmpty()) {
      return Optional.empty();
    }
    Duration d = Duration.between(lifetimeCreated.get(), lifetimeExpires.get());
    return d.isNegative() || d.isZero() ? Optional.empty() : Optional.of(d);
  }
}
