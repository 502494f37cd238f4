package io.lyncemu.core.fault;

import io.lyncemu.core.journal.EventJournal;
import io.lyncemu.core.journal.EventKind;
import io.lyncemu.core.journal.NewEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The faults in force. Transports ask {@link #decide(FaultPoint)} at each listener, path and step;
 * the first rule that matches and fires wins and is journaled. Thread-safe; deciding is lock-free
 * and cheap when no rule is present.
 */
public final class FaultPlan {
  private final Clock clock;
  private final EventJournal journal;
  private final CopyOnWriteArrayList<Active> rules = new CopyOnWriteArrayList<>();

  public FaultPlan(Clock clock, EventJournal journal) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.journal = Objects.requireNonNull(journal, "journal");
  }

  private record Active(FaultRule rule, Instant since, AtomicLong hits) {}

  public void add(FaultRule rule) {
    rules.removeIf(a -> a.rule.id().equals(rule.id()));
    rules.add(new Active(rule, clock.instant(), new AtomicLong()));
  }

  public boolean remove(String id) {
    return rules.removeIf(a -> a.rule.id().equals(id));
  }

  public void clear() {
    rules.clear();
  }

  public List<FaultRule> rules() {
    List<FaultRule> list = new ArrayList<>();
    rules.forEach(a -> list.add(a.rule));
    return List.copyOf(list);
  }

  public Optional<Fault> decide(FaultPoint point) {
    if (rules.isEmpty()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    for (Active active : rules) {
      if (active.rule.target().matches(point)) {
        long hit = active.hits.incrementAndGet();
        if (active.rule.trigger().fires(hit, active.since, now)) {
          journal.record(
              NewEvent.of("faults", EventKind.FAULT_INJECTED)
                  .with("rule", active.rule.id())
                  .with("fault", active.rule.fault().describe())
                  .with("listener", point.listener())
                  .with("path", point.path())
                  .with("step", point.step()));
          return Optional.of(active.rule.fault());
        }
      }
    }
    return Optional.empty();
  }
}
