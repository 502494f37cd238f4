package io.lyncemu.core.topology;

import io.lyncemu.core.journal.EventJournal;
import io.lyncemu.core.journal.EventKind;
import io.lyncemu.core.journal.NewEvent;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * The live deployment: the current topology, swapped atomically by cmdlets and scenarios. Protocol
 * handlers call {@link #current()} on every request, so a change takes effect at once without a
 * restart. Thread-safe.
 */
public final class Deployment {
  private final AtomicReference<Topology> current;
  private final EventJournal journal;

  public Deployment(Topology initial, EventJournal journal) {
    this.current = new AtomicReference<>(Objects.requireNonNull(initial, "initial"));
    this.journal = Objects.requireNonNull(journal, "journal");
  }

  public Topology current() {
    return current.get();
  }

  /**
   * Applies a change. An invalid result (the topology's own checks fail) is refused with a {@link
   * TopologyException} and the live topology stays as it was.
   */
  public Topology update(String description, UnaryOperator<Topology> change) {
    Topology updated;
    try {
      updated = current.updateAndGet(change);
    } catch (IllegalArgumentException invalid) {
      throw new TopologyException(invalid.getMessage(), invalid);
    }
    journal.record(
        NewEvent.of("management", EventKind.CONFIGURATION_CHANGED).with("change", description));
    return updated;
  }

  /** Replaces the whole topology, e.g. when a scenario is cleared. */
  public void replace(Topology topology, String description) {
    current.set(Objects.requireNonNull(topology, "topology"));
    journal.record(
        NewEvent.of("management", EventKind.CONFIGURATION_CHANGED).with("change", description));
  }
}
