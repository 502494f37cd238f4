package io.lyncemu.core.journal;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where protocol-visible actions are recorded. Implementations are thread-safe: handlers on many
 * threads append while tests query and await.
 */
public interface EventJournal {

  JournalEvent record(NewEvent event);

  /** Matching events, oldest first. */
  List<JournalEvent> query(JournalQuery query);

  /**
   * Returns the first matching event, waiting for it if none is recorded yet. Event-driven: the
   * caller is woken by the append, not by polling.
   *
   * @throws JournalTimeoutException when nothing matched within {@code timeout}
   */
  JournalEvent await(JournalQuery query, Duration timeout);

  /** Calls {@code listener} for every event recorded from now on, on the recording thread. */
  AutoCloseable subscribe(Consumer<JournalEvent> listener);

  /**
   * The sequence number of the newest event, or -1 when empty; handy with {@link
   * JournalQuery#after}.
   */
  long lastSequence();

  /** How many events were evicted because the journal reached its bound. */
  long evicted();

  void clear();
}
