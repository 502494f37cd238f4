package io.lyncemu.core.routing;

/**
 * A way out of the deployment to federated users: the XMPP gateway for XMPP partners, the Access
 * Edge for SIP federation. The router asks each registered gateway, in registration order, whether
 * it serves a recipient's domain. Implementations must not block: {@link #forward} queues the
 * message and answers at once; a later failure reaches the sender through {@link
 * MessageEndpoint#deliveryFailed}.
 */
public interface FederationGateway {

  /** {@code xmpp} or {@code sip-federation}; used in the journal. */
  String protocol();

  /** Whether this gateway is the way to {@code domain} (lower case, not a local domain). */
  boolean serves(String domain);

  /**
   * Sends {@code message} from a local user to a federated one. Answers {@link
   * RouteResult.Outcome#FORWARDED} when accepted for delivery, or {@link
   * RouteResult.Outcome#FEDERATION_REFUSED} when policy forbids it (the sender has no external
   * access, the partner is not allowed, the gateway is stopped).
   */
  RouteResult forward(InstantMessage message);

  /** A local user ({@code watcherUri}) subscribed to a federated user's presence. */
  default void subscribe(String watcherUri, String targetUri) {}
}
