package io.lyncemu.mcx.mobility;

import io.lyncemu.core.routing.Availability;
import io.lyncemu.core.routing.InstantMessage;
import java.util.Objects;

/**
 * Something queued for a session's long poll, numbered from 1 in the order it arrived. The number
 * is what the device acknowledges with {@code ack}.
 */
public sealed interface McxEvent
    permits McxEvent.MessageReceived, McxEvent.PresenceChanged, McxEvent.DeliveryFailed {

  long number();

  /** An instant message for the session's user. */
  record MessageReceived(long number, InstantMessage message) implements McxEvent {
    public MessageReceived {
      Objects.requireNonNull(message, "message");
    }
  }

  /** A contact the session subscribed to changed availability. */
  record PresenceChanged(long number, String uri, Availability availability) implements McxEvent {
    public PresenceChanged {
      Objects.requireNonNull(uri, "uri");
      Objects.requireNonNull(availability, "availability");
    }
  }

  /**
   * A message the session's user sent to a federated contact was accepted ({@code sendMessage}
   * answered) but the partner side reported later that it was not delivered. Emulator-defined.
   */
  record DeliveryFailed(long number, String messageId, String to, String reason)
      implements McxEvent {
    public DeliveryFailed {
      Objects.requireNonNull(messageId, "messageId");
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
