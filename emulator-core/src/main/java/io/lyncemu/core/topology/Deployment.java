package io.lyncemu.core.topology;

import io.lyncemu.core.journal.EventJournal;
import io.lyncemu.core.journal.EventKind;
import io.lyncemu.core.journal.NewEvent;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The live deployment: the current topology, swapped atomically by cmdlets and scenarios. Protocol
 * handlers call {@link #current()} on every request, so a change takes effect at once without a
 * restart. Thread-safe.
 */
public final class Deployment {
  private final AtomicReference<Topology> current;
  private final EventJournal journal;
  private final List<Consumer<Topology>> listeners = new CopyOnWriteArrayList<>();

  public Deployment(Topology initial, EventJournal journal) {
    this.current = new AtomicReference<>(Objects.requireNonNull(initial, "initial"));
    this.journal = Objects.requireNonNull(journal, "journal");
  }

  public Topology current() {
    return current.get();
  }

  /**
   * Calls {@code listener} with the new topology after every change, on the changing thread (a
   * cmdlet or scenario), so it must not block; closing the handle removes it. For components that
   * hold state derived from the topology, such as a connection that exists only while a route is
   * assigned. A listener that throws is ignored so one bad listener cannot fail a cmdlet.
   */
  public AutoCloseable onChange(Consumer<Topology> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return () -> listeners.remove(listener);
  }

  private void notifyListeners(Topology topology) {
    for (Consumer<Topology> listener : listeners) {
      try {
        listener.accept(topology);
      } catch (RuntimeException ignored) {
        // the change is already live; a listener's failure is its own to report
      }
    }
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
    notifyListeners(updated);
    return updated;
  }

  /** Replaces the whole topology, e.g. when a scenario is cleared. */
  public void replace(Topology topology, String description) {
    current.set(Objects.requireNonNull(topology, "topology"));
    journal.record(
        NewEvent.of("management", EventKind.CONFIGURATION_CHANGED).with("change", description));
    notifyListeners(topology);
  }
}
