package io.lyncemu.testkit.journal;

import io.lyncemu.core.journal.EventJournal;
import io.lyncemu.core.journal.EventKind;
import io.lyncemu.core.journal.JournalEvent;
import io.lyncemu.core.journal.JournalQuery;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions over an {@link EventJournal}, e.g. {@code
 * assertThatJournal(journal).awaits(kind(TICKET_ISSUED)).containsInOrder(AUTH_CHALLENGE,
 * AUTH_SUCCEEDED, TICKET_ISSUED)}. Failure messages list what the journal did record.
 */
public final class JournalAssert extends AbstractAssert<JournalAssert, EventJournal> {
  /** How long {@link #awaits} waits by default; long enough for CI, short enough to fail fast. */
  public static final Duration DEFAULT_WAIT = Duration.ofSeconds(5);

  private JournalAssert(EventJournal actual) {
    super(actual, JournalAssert.class);
  }

  public static JournalAssert assertThatJournal(EventJournal journal) {
    return new JournalAssert(journal);
  }

  /** Waits (event-driven) until an event matches, failing after {@link #DEFAULT_WAIT}. */
  public JournalAssert awaits(JournalQuery query) {
    isNotNull();
    actual.await(query, DEFAULT_WAIT);
    return this;
  }

  public JournalAssert has(JournalQuery query) {
    isNotNull();
    if (actual.query(query).isEmpty()) {
      failWithMessage(
          "Expected the journal to hold an event matching %s but it held:%n%s", query, dump());
    }
    return this;
  }

  public JournalAssert hasNo(JournalQuery query) {
    isNotNull();
    List<JournalEvent> found = actual.query(query);
    if (!found.isEmpty()) {
      failWithMessage("Expected no event matching %s but found:%n%s", query, describe(found));
    }
    return this;
  }

  /** The kinds occur in this order (other events may come between them). */
  public JournalAssert containsInOrder(EventKind... kinds) {
    isNotNull();
    List<JournalEvent> all = actual.query(JournalQuery.all());
    int next = 0;
    for (JournalEvent event : all) {
      if (next < kinds.length && event.kind() == kinds[next]) {
        next++;
      }
    }
    if (next < kinds.length) {
      failWithMessage(
          "Expected kinds %s in order; missing from %s on. Journal:%n%s",
          List.of(kinds), kinds[next], dump());
    }
    return this;
  }

  private String dump() {
    return describe(actual.query(JournalQuery.all()));
  }

  private static String describe(List<JournalEvent> events) {
    return events.stream()
        .map(
            e -> "  #" + e.sequence() + " " + e.component() + "/" + e.kind() + " " + e.attributes())
        .collect(Collectors.joining("\n"));
  }
}
