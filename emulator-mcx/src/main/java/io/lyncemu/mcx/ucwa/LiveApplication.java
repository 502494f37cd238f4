package io.lyncemu.mcx.ucwa;

import io.lyncemu.core.routing.InstantMessage;
import io.lyncemu.core.routing.MessageEndpoint;
import io.lyncemu.mcx.outcome.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One live UCWA application: its conversations, its event channel and at most one held pending GET.
 * Once available it is the user's {@link MessageEndpoint}, so the router calls {@link #deliver} on
 * its own threads.
 *
 * <p>Thread-safe: all state is guarded by {@code this}; futures are completed after the lock is
 * released because their continuations write HTTP responses.
 */
final class LiveApplication implements MessageEndpoint {
  /** Bounds memory when a client stops reading its event channel. */
  static final int MAX_PENDING_EVENTS = 1_000;

  private final ApplicationInfo created;
  private final Supplier<String> ids;
  private final Map<String, Conversation> conversations = new HashMap<>();
  private final List<UcwaEvent> pending = new ArrayList<>();
  private EventsPage lastPage;
  private long nextAck = 1;
  private Waiter waiter;
  private Instant lastRequest;
  private boolean available;
  private AutoCloseable registration = () -> {};
  private boolean closed;

  /** A conversation with one remote user; UCWA's multiparty conversations are out of scope. */
  record Conversation(String id, String remoteUri, Direction direction) {}

  private static final class Waiter {
    final long ack;
    final CompletableFuture<Outcome<EventsPage, UcwaRefusal>> future = new CompletableFuture<>();
    ScheduledFuture<?> timer;

    Waiter(long ack) {
      this.ack = ack;
    }
  }

  LiveApplication(ApplicationInfo created, Supplier<String> ids) {
    this.created = Objects.requireNonNull(created, "created");
    this.ids = Objects.requireNonNull(ids, "ids");
    this.lastRequest = created.created();
  }

  @Override
  public String sipUri() {
    return created.sipUri();
  }

  @Override
  public String endpointId() {
    return created.id();
  }

  @Override
  public String protocol() {
    return "ucwa";
  }

  /**
   * An incoming message. The first one from a sender opens a conversation through an incoming
   * invitation that is accepted at once (emulator choice: there is no user to click "accept").
   */
  @Override
  public void deliver(InstantMessage message) {
    Release release;
    synchronized (this) {
      if (closed) {
        return;
      }
      Conversation conversation = conversationWith(message.from());
      if (conversation == null) {
        conversation = new Conversation(ids.get(), message.from(), Direction.INCOMING);
        conversations.put(conversation.id(), conversation);
        MessagingInvitation invitation =
            new MessagingInvitation(
                ids.get(), conversation.id(), Direction.INCOMING, message.from(), "", "", "", "");
        pending.add(new UcwaEvent.InvitationStarted(invitation));
        pending.add(new UcwaEvent.ConversationAdded(conversation.id(), message.from()));
        pending.add(new UcwaEvent.MessagingUpdated(conversation.id(), "Connected"));
        pending.add(new UcwaEvent.InvitationCompleted(invitation));
      }
      pending.add(new UcwaEvent.MessageReceived(conversation.id(), message));
      release = wakeLocked();
    }
    release.run();
  }

  /** Queues events raised by the client's own requests (invitations, sent messages, presence). */
  void publish(List<UcwaEvent> events) {
    Release release;
    synchronized (this) {
      if (closed) {
        return;
      }
      pending.addAll(events);
      release = wakeLocked();
    }
    release.run();
  }

  /** Opens an outgoing conversation with {@code remoteUri}, or reuses the open one. */
  synchronized Conversation openConversation(String remoteUri) {
    Conversation existing = conversationWith(remoteUri);
    if (existing != null) {
      return existing;
    }
    Conversation conversation = new Conversation(ids.get(), remoteUri, Direction.OUTGOING);
    conversations.put(conversation.id(), conversation);
    return conversation;
  }

  synchronized Optional<Conversation> conversation(String id) {
    return Optional.ofNullable(conversations.get(id));
  }

  private Conversation conversationWith(String remoteUri) {
    for (Conversation conversation : conversations.values()) {
      if (conversation.remoteUri().equals(remoteUri)) {
        return conversation;
      }
    }
    return null;
  }

  /**
   * The pending GET. The page numbered {@code ack} is answered at once if it was already issued (a
   * repeat) or if events are waiting; otherwise the GET is held until an event or the timeout,
   * which then issues an empty page. Any other ack gets a resync page.
   */
  CompletableFuture<Outcome<EventsPage, UcwaRefusal>> events(
      long ack, Duration timeout, ScheduledExecutorService scheduler) {
    Waiter superseded;
    Waiter held;
    synchronized (this) {
      if (closed) {
        return CompletableFuture.completedFuture(
            UcwaRefusal.refuse(UcwaError.APPLICATION_NOT_FOUND, "The application does not exist."));
      }
      if (lastPage != null && lastPage.ack() == ack) {
        return CompletableFuture.completedFuture(Outcome.ok(lastPage));
      }
      if (ack != nextAck) {
        return CompletableFuture.completedFuture(
            Outcome.ok(new EventsPage(nextAck, List.of(), true)));
      }
      if (!pending.isEmpty()) {
        return CompletableFuture.completedFuture(Outcome.ok(sealLocked()));
      }
      superseded = waiter;
      held = new Waiter(ack);
      waiter = held;
      held.timer = scheduler.schedule(() -> timeOut(held), timeout.toNanos(), TimeUnit.NANOSECONDS);
    }
    if (superseded != null) {
      // Two GETs for the same ack: the older connection is abandoned; answer it with a resync.
      complete(superseded, Outcome.ok(new EventsPage(superseded.ack, List.of(), true)));
    }
    return held.future;
  }

  private void timeOut(Waiter timedOut) {
    EventsPage page;
    synchronized (this) {
      if (waiter != timedOut) {
        return;
      }
      waiter = null;
      page = sealLocked();
    }
    timedOut.future.complete(Outcome.ok(page));
  }

  private EventsPage sealLocked() {
    EventsPage page = new EventsPage(nextAck, pending, false);
    pending.clear();
    lastPage = page;
    nextAck++;
    return page;
  }

  /** Something to run once the lock is released. */
  private interface Release {
    void run();
  }

  private Release wakeLocked() {
    if (pending.size() > MAX_PENDING_EVENTS) {
      pending.subList(0, pending.size() - MAX_PENDING_EVENTS).clear();
    }
    if (waiter == null) {
      return () -> {};
    }
    Waiter woken = waiter;
    waiter = null;
    EventsPage page = sealLocked();
    return () -> complete(woken, Outcome.ok(page));
  }

  synchronized boolean isHeld() {
    return waiter != null;
  }

  synchronized void touch(Instant now) {
    if (now.isAfter(lastRequest)) {
      lastRequest = now;
    }
  }

  synchronized Instant lastRequest() {
    return lastRequest;
  }

  synchronized boolean markAvailable() {
    boolean first = !available;
    available = true;
    return first;
  }

  synchronized void attach(AutoCloseable routerRegistration) {
    registration = Objects.requireNonNull(routerRegistration, "routerRegistration");
  }

  synchronized ApplicationInfo snapshot() {
    return new ApplicationInfo(
        created.id(),
        created.sipUri(),
        created.displayName(),
        created.request(),
        created.eventsKey(),
        created.created(),
        available);
  }

  /** Leaves the router and answers a held GET with {@code why}; false when already closed. */
  boolean close(UcwaRefusal why) {
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
      pending.clear();
    }
    try {
      leave.close();
    } catch (Exception e) {
      throw new UcwaStateException("could not unregister UCWA application " + created.id(), e);
    }
    if (held != null) {
      complete(held, Outcome.refused(why));
    }
    return true;
  }

  private static void complete(Waiter waiter, Outcome<EventsPage, UcwaRefusal> result) {
    if (waiter.timer != null) {
      waiter.timer.cancel(false);
    }
    waiter.future.complete(result);
  }
}
