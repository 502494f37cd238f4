package io.lyncemu.edge.sip.routing;

import java.util.Locale;
import java.util.Objects;

/**
 * What the policy needs to know about one request.
 *
 * @param direction which way it crosses the Edge
 * @param fromDomain the domain of the From URI, lower case
 * @param toDomain the domain of the To URI (the partner domain for outbound), lower case
 * @param senderMayFederate for outbound requests from a user: whether the user's external access
 *     policy has EnableFederationAccess; true for server-originated requests (push, synthetic
 *     transactions)
 * @param sourceFqdn for inbound requests, the peer's name as its TLS certificate proved it, or
 *     blank when unknown (plain TCP)
 */
public record FederationRequest(
    Direction direction,
    String fromDomain,
    String toDomain,
    boolean senderMayFederate,
    String sourceFqdn) {
  public FederationRequest {
    Objects.requireNonNull(direction, "direction");
    fromDomain = Objects.requireNonNull(fromDomain, "fromDomain").toLowerCase(Locale.ROOT);
    toDomain = Objects.requireNonNull(toDomain, "toDomain").toLowerCase(Locale.ROOT);
    sourceFqdn = sourceFqdn == null ? "" : sourceFqdn.toLowerCase(Locale.ROOT);
  }

  public static FederationRequest outbound(String fromDomain, String toDomain) {
    return new FederationRequest(Direction.OUTBOUND, fromDomain, toDomain, true, "");
  }

  public static FederationRequest inbound(String fromDomain, String toDomain) {
    return new FederationRequest(Direction.INBOUND, fromDomain, toDomain, true, "");
  }

  /** The federated domain this request concerns: the recipient's outbound, the sender's inbound. */
  public String partnerDomain() {
    return direction == Direction.OUTBOUND ? toDomain : fromDomain;
  }
}
