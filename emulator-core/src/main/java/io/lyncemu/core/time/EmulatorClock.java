package io.lyncemu.core.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * A clock that follows a base clock plus an offset that only grows. Advancing it makes tickets and
 * sessions expire without waiting; listeners hear about every advance so that expiry can be acted
 * on at once. Thread-safe.
 */
public final class EmulatorClock extends Clock {
  private final Clock base;
  private final AtomicReference<Duration> offset;
  private final CopyOnWriteArrayList<Consumer<Duration>> listeners;

  public EmulatorClock(Clock base) {
    this(base, new AtomicReference<>(Duration.ZERO), new CopyOnWriteArrayList<>());
  }

  private EmulatorClock(
      Clock base,
      AtomicReference<Duration> offset,
      CopyOnWriteArrayList<Consumer<Duration>> listeners) {
    this.base = Objects.requireNonNull(base, "base");
    this.offset = offset;
    this.listeners = listeners;
  }

  public static EmulatorClock system() {
    return new EmulatorClock(Clock.systemUTC());
  }

  /** A clock stopped at {@code instant}: it moves only when advanced. For tests. */
  public static EmulatorClock fixed(Instant instant) {
    return new EmulatorClock(Clock.fixed(instant, ZoneOffset.UTC));
  }

  /**
   * Moves the clock forward; a negative or zero amount is refused, because time never runs back.
   */
  public void advance(Duration amount) {
    Objects.requireNonNull(amount, "amount");
    if (amount.isNegative() || amount.isZero()) {
      throw new IllegalArgumentException("the clock only moves forward: " + amount);
    }
    offset.updateAndGet(current -> current.plus(amount));
    listeners.forEach(listener -> listener.accept(amount));
  }

  public Duration offset() {
    return offset.get();
  }

  /** Registers a listener called (on the advancing thread) after every advance. */
  public void onAdvance(Consumer<Duration> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  @Override
  public ZoneId getZone() {
    return base.getZone();
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new EmulatorClock(base.withZone(zone), offset, listeners);
  }

  @Override
  public Instant instant() {
    return base.instant().plus(offset.get());
  }
}
