package io.lyncemu.core.routing;

/** What became of a routed message. */
public record RouteResult(Outcome outcome, int endpoints) {

  /** Why a message did or did not arrive. */
  public enum Outcome {
    DELIVERED,
    /** Handed to a federation gateway; delivery to the partner happens later. */
    FORWARDED,
    RECIPIENT_OFFLINE,
    UNKNOWN_RECIPIENT,
    RECIPIENT_DISABLED,
    /** A federation gateway refused it: policy, partner not allowed, or the gateway is down. */
    FEDERATION_REFUSED
  }

  /** Delivered locally or accepted by a federation gateway. */
  public boolean delivered() {
    return outcome == Outcome.DELIVERED || outcome == Outcome.FORWARDED;
  }
}
