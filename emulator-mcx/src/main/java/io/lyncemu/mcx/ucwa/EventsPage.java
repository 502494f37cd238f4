package io.lyncemu.mcx.ucwa;

import java.util.List;

/**
 * One answer of the event channel: the batch numbered {@code ack}, whose {@code next} link asks for
 * {@code ack + 1}. Asking for the same {@code ack} again returns the same page, so a lost answer
 * costs nothing. A {@code resync} page (an ack the server no longer has or never issued) carries no
 * events and points the client at the current ack instead.
 */
public record EventsPage(long ack, List<UcwaEvent> events, boolean resync) {
  public EventsPage {
    events = List.copyOf(events);
  }

  /** The ack the {@code next} (or {@code resync}) link carries. */
  public long nextAck() {
    return resync ? ack : ack + 1;
  }
}
