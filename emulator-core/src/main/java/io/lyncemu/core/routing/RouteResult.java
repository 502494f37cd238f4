package io.lyncemu.core.routing;

/** What became of a routed message. */
public record RouteResult(Outcome outcome, int endpoints) {

  /** Why a message did or did not arrive. */
  public enum Outcome {
    DELIVERED,
    RECIPIENT_OFFLINE,
    UNKNOWN_RECIPIENT,
    RECIPIENT_DISABLED
  }

  public boolean delivered() {
    return outcome == Outcome.DELIVERED;
  }
}
