package io.lyncemu.mcx.mobility;

import java.util.List;

/**
 * What one long poll returns: the events newer than the acknowledged number, oldest first, and
 * {@code next}, the number to acknowledge in the following poll (the last event's number, or the
 * acknowledged number again when the batch is empty).
 */
public record EventBatch(List<McxEvent> events, long next) {
  public EventBatch {
    events = List.copyOf(events);
  }

  public static EventBatch empty(long ack) {
    return new EventBatch(List.of(), ack);
  }

  public boolean isEmpty() {
    return events.isEmpty();
  }
}
