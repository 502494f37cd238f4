package io.lyncemu.core.routing;

/**
 * A place where a user can receive messages and presence: one MCX session or one UCWA application.
 * Implementations must not block in these callbacks; they queue and return.
 */
public interface MessageEndpoint {

  /** The SIP address of the user this endpoint belongs to, normalised ({@code sip:user@domain}). */
  String sipUri();

  /** Unique among all endpoints, e.g. the MCX session id; used in the journal. */
  String endpointId();

  /** The protocol behind the endpoint, e.g. {@code mcx} or {@code ucwa}. */
  String protocol();

  void deliver(InstantMessage message);

  /** A user this endpoint subscribed to changed availability. */
  default void presenceChanged(String sipUri, Availability availability) {}

  /**
   * A message this endpoint's user sent to a federated user could not be delivered after it was
   * forwarded (partner unreachable, dialback refused, stanza error). {@code reason} is readable.
   */
  default void deliveryFailed(InstantMessage message, String reason) {}
}
