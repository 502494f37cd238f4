package io.lyncemu.mcx.mobility;

import io.lyncemu.core.routing.Availability;
import io.lyncemu.core.routing.InstantMessage;
import io.lyncemu.core.routing.MessageEndpoint;
import io.lyncemu.mcx.outcome.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One live MCX session: its device, its last-request time, its numbered event queue and at most one
 * held long poll. It is the session's {@link MessageEndpoint}, so the router calls {@link #deliver}
 * and {@link #presenceChanged} on its own threads.
 *
 * <p>Thread-safe: all state is guarded by {@code this}. Futures are always completed after the lock
 * is released, because their continuations write HTTP responses and must not run under it.
 */
final class LiveSession implements MessageEndpoint {
  /** Bounds memory when a device stops polling but its session has not expired yet. */
  static final int MAX_QUEUED_EVENTS = 1_000;

  private final String id;
  private final String sipUri;
  private final Instant created;
  private final ArrayDeque<McxEvent> queue = new ArrayDeque<>();
  private DeviceRegistration device;
  private Instant lastRequest;
  private long lastNumber;
  private Waiter waiter;
  private AutoCloseable registration = () -> {};
  private boolean closed;

  /** A held long poll; {@code timer} releases it empty when nothing arrives. */
  private static final class Waiter {
    final long ack;
    final CompletableFuture<Outcome<EventBatch, McxRefusal>> future = new CompletableFuture<>();
    ScheduledFuture<?> timer;

    Waiter(long ack) {
      this.ack = ack;
    }
  }

  LiveSession(String id, String sipUri, DeviceRegistration device, Instant created) {
    this.id = Objects.requireNonNull(id, "id");
    this.sipUri = Objects.requireNonNull(sipUri, "sipUri");
    this.device = Objects.requireNonNull(device, "device");
    this.created = Objects.requireNonNull(created, "created");
    this.lastRequest = created;
  }

  @Override
  public String sipUri() {
    return sipUri;
  }

  @Override
  public String endpointId() {
    return id;
  }

  @Override
  public String protocol() {
    return "mcx";
  }

  @Override
  public void deliver(InstantMessage message) {
    enqueue(number -> new McxEvent.MessageReceived(number, message));
  }

  @Override
  public void presenceChanged(String uri, Availability availability) {
    enqueue(number -> new McxEvent.PresenceChanged(number, uri, availability));
  }

  @Override
  public void deliveryFailed(InstantMessage message, String reason) {
    enqueue(number -> new McxEvent.DeliveryFailed(number, message.id(), message.to(), reason));
  }

  private interface EventFactory {
    McxEvent create(long number);
  }

  private void enqueue(EventFactory factory) {
    Waiter woken;
    EventBatch batch;
    synchronized (this) {
      if (closed) {
        return;
      }
      queue.addLast(factory.create(++lastNumber));
      if (queue.size() > MAX_QUEUED_EVENTS) {
        queue.removeFirst();
      }
      if (waiter == null) {
        return;
      }
      woken = waiter;
      waiter = null;
      batch = batchAfter(woken.ack);
    }
    release(woken, Outcome.ok(batch));
  }

  synchronized void attach(AutoCloseable routerRegistration) {
    this.registration = Objects.requireNonNull(routerRegistration, "routerRegistration");
  }

  synchronized void touch(Instant now) {
    if (now.isAfter(lastRequest)) {
      lastRequest = now;
    }
  }

  synchronized Instant lastRequest() {
    return lastRequest;
  }

  synchronized DeviceRegistration device() {
    return device;
  }

  synchronized void setBackground(boolean background) {
    device = device.withBackground(background);
  }

  synchronized SessionInfo snapshot(Duration interval) {
    return new SessionInfo(id, sipUri, device, created, lastRequest, interval);
  }

  /**
   * Answers a long poll: at once when events newer than {@code ack} are queued, otherwise when the
   * next event arrives or {@code timeout} passes. A newer poll releases an older held one empty,
   * since a device only ever reads the latest answer.
   */
  CompletableFuture<Outcome<EventBatch, McxRefusal>> poll(
      long ack, Duration timeout, ScheduledExecutorService scheduler) {
    Waiter superseded;
    Waiter created;
    synchronized (this) {
      if (closed) {
        return CompletableFuture.completedFuture(
            McxRefusal.refuse(McxError.SESSION_NOT_FOUND, "The session has ended."));
      }
      if (ack < 0 || ack > lastNumber) {
        return CompletableFuture.completedFuture(
            McxRefusal.refuse(
                McxError.BAD_REQUEST,
                "ack "
                    + ack
                    + " is not an event number of this session (last is "
                    + lastNumber
                    + ")"));
      }
      // Acknowledged events are gone for good: the device has them.
      while (!queue.isEmpty() && queue.peekFirst().number() <= ack) {
        queue.removeFirst();
      }
      if (!queue.isEmpty()) {
        return CompletableFuture.completedFuture(Outcome.ok(batchAfter(ack)));
      }
      superseded = waiter;
      created = new Waiter(ack);
      waiter = created;
      created.timer =
          scheduler.schedule(() -> timeOut(created), timeout.toNanos(), TimeUnit.NANOSECONDS);
    }
    if (superseded != null) {
      release(superseded, Outcome.ok(EventBatch.empty(superseded.ack)));
    }
    return created.future;
  }

  private void timeOut(Waiter timedOut) {
    synchronized (this) {
      if (waiter != timedOut) {
        return;
      }
      waiter = null;
    }
    timedOut.future.complete(Outcome.ok(EventBatch.empty(timedOut.ack)));
  }

  private EventBatch batchAfter(long ack) {
    List<McxEvent> events = new ArrayList<>();
    for (McxEvent event : queue) {
      if (event.number() > ack) {
        events.add(event);
      }
    }
    return events.isEmpty()
        ? EventBatch.empty(ack)
        : new EventBatch(events, events.get(events.size() - 1).number());
  }

  /**
   * Ends the session: leaves the router and answers a held poll with {@code why}. Idempotent;
   * returns false when it was already closed.
   */
  boolean close(McxRefusal why) {
    Waiter held;
    AutoCloseable leave;
    synchronized (this) {
      if (closed) {
        return false;
      }
      closed = true;
      held = waiter;
      waiter = null;
      leave = registration;
      queue.clear();
    }
    try {
      leave.close();
    } catch (Exception e) {
      throw new McxStateException("could not unregister MCX session " + id, e);
    }
    if (held != null) {
      release(held, Outcome.refused(why));
    }
    return true;
  }

  private static void release(Waiter waiter, Outcome<EventBatch, McxRefusal> result) {
    if (waiter.timer != null) {
      waiter.timer.cancel(false);
    }
    waiter.future.complete(result);
  }
}
