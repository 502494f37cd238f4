package io.lyncemu.core.journal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A bounded in-memory journal. When full, the oldest events are evicted and counted, so a long run
 * cannot exhaust memory. Awaiters register a future that the next matching append completes.
 * Thread-safe; appends take one short lock.
 */
public final class InMemoryEventJournal implements EventJournal {
  public static final int DEFAULT_CAPACITY = 50_000;

  private final Clock clock;
  private final int capacity;
  private final ArrayDeque<JournalEvent> events = new ArrayDeque<>();
  private final List<Waiter> waiters = new ArrayList<>();
  private final CopyOnWriteArrayList<Consumer<JournalEvent>> subscribers =
      new CopyOnWriteArrayList<>();
  private long nextSequence;
  private long evicted;

  public InMemoryEventJournal(Clock clock) {
    this(clock, DEFAULT_CAPACITY);
  }

  public InMemoryEventJournal(Clock clock, int capacity) {
    this.clock = Objects.requireNonNull(clock, "clock");
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.capacity = capacity;
  }

  private record Waiter(JournalQuery query, CompletableFuture<JournalEvent> future) {}

  @Override
  public JournalEvent record(NewEvent draft) {
    JournalEvent event;
    List<Waiter> woken = new ArrayList<>();
    synchronized (this) {
      event =
          new JournalEvent(
              nextSequence++,
              clock.instant(),
              draft.component(),
              draft.kind(),
              draft.connectionId(),
              draft.peer(),
              draft.attributes(),
              draft.http());
      events.addLast(event);
      if (events.size() > capacity) {
        events.removeFirst();
        evicted++;
      }
      for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
        Waiter waiter = it.next();
        if (waiter.future.isDone()) {
          it.remove();
        } else if (waiter.query.test(event)) {
          woken.add(waiter);
          it.remove();
        }
      }
    }
    // Complete outside the lock: a waiter's continuation must not run while we hold it.
    woken.forEach(w -> w.future.complete(event));
    for (Consumer<JournalEvent> subscriber : subscribers) {
      subscriber.accept(event);
    }
    return event;
  }

  @Override
  public synchronized List<JournalEvent> query(JournalQuery query) {
    return events.stream().filter(query).collect(Collectors.toUnmodifiableList());
  }

  @Override
  public JournalEvent await(JournalQuery query, Duration timeout) {
    CompletableFuture<JournalEvent> future = new CompletableFuture<>();
    synchronized (this) {
      for (JournalEvent event : events) {
        if (query.test(event)) {
          return event;
        }
      }
      waiters.add(new Waiter(query, future));
    }
    try {
      return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(false);
      throw new JournalTimeoutException(
          "no event matching " + query + " within " + timeout + "; last events: " + tail(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.cancel(false);
      throw new JournalTimeoutException("interrupted while awaiting " + query);
    } catch (ExecutionException e) {
      throw new JournalTimeoutException("await failed: " + e.getCause());
    }
  }

  private synchronized String tail(int count) {
    List<JournalEvent> all = new ArrayList<>(events);
    return all.subList(Math.max(0, all.size() - count), all.size()).stream()
        .map(e -> e.component() + "/" + e.kind() + e.attributes())
        .collect(Collectors.joining("; ", "[", "]"));
  }

  @Override
  public AutoCloseable subscribe(Consumer<JournalEvent> listener) {
    subscribers.add(Objects.requireNonNull(listener, "listener"));
    return () -> subscribers.remove(listener);
  }

  @Override
  public synchronized long lastSequence() {
    return nextSequence - 1;
  }

  @Override
  public synchronized long evicted() {
    return evicted;
  }

  @Override
  public synchronized void clear() {
    events.clear();
  }
}
