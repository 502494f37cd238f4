package io.lyncemu.mcx.mobility;

import io.lyncemu.core.journal.EventJournal;
import io.lyncemu.core.journal.EventKind;
import io.lyncemu.core.journal.NewEvent;
import io.lyncemu.core.routing.Availability;
import io.lyncemu.core.routing.InstantMessage;
import io.lyncemu.core.routing.MessageRouter;
import io.lyncemu.core.routing.RouteResult;
import io.lyncemu.core.time.EmulatorClock;
import io.lyncemu.core.topology.Deployment;
import io.lyncemu.core.topology.Fqdns;
import io.lyncemu.core.topology.McxConfiguration;
import io.lyncemu.core.topology.Topology;
import io.lyncemu.core.topology.User;
import io.lyncemu.mcx.outcome.Outcome;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The registry of MCX sessions: creates them for authenticated users (after the user and
 * mobility-policy checks), answers every session operation of docs/mcx-protocol.md with a typed
 * {@link io.lyncemu.mcx.outcome.Outcome}, and expires sessions on the emulator clock.
 *
 * <p>Expiry follows Get-CsMcxConfiguration, read at every check so that Set-CsMcxConfiguration
 * takes effect at once: {@code SessionExpirationInterval} for push-capable devices, {@code
 * SessionShortExpirationInterval} for the others, measured since the session's last request. A
 * session is expired lazily when it is used and eagerly whenever the clock is advanced. An expired
 * session id keeps answering {@code SessionExpired} (not {@code SessionNotFound}) for as long as
 * the registry remembers it.
 *
 * <p>Thread-safe. Long polls hold no thread: they are futures released by the next event or by a
 * timer on the shared scheduler.
 */
public final class McxSessions implements AutoCloseable {
  static final String COMPONENT = "mcx";

  /** How many expired session ids are remembered for a precise {@code SessionExpired} answer. */
  static final int REMEMBERED_EXPIRED = 10_000;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Deployment deployment;
  private final MessageRouter router;
  private final EventJournal journal;
  private final EmulatorClock clock;
  private final ScheduledExecutorService scheduler;
  private final Map<String, LiveSession> sessions = new ConcurrentHashMap<>();
  private final Map<String, String> expiredOwners =
      Collections.synchronizedMap(
          new LinkedHashMap<>() {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
              return size() > REMEMBERED_EXPIRED;
            }
          });
  private final AtomicBoolean closed = new AtomicBoolean();

  public McxSessions(
      Deployment deployment,
      MessageRouter router,
      EventJournal journal,
      EmulatorClock clock,
      ScheduledExecutorService scheduler) {
    this.deployment = Objects.requireNonNull(deployment, "deployment");
    this.router = Objects.requireNonNull(router, "router");
    this.journal = Objects.requireNonNull(journal, "journal");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    // Registered last, once every field is set: the listener may run on another thread at once.
    clock.onAdvance(amount -> expireDue());
  }

  /**
   * Opens a session for {@code user} (the identity the web ticket proved: a SIP address or a logon
   * name). Refused with {@code UserDisabled} when the user is unknown or not enabled, with {@code
   * MobilityDisabled} when the effective mobility policy has EnableMobility False.
   */
  public Outcome<SessionInfo, McxRefusal> create(String user, DeviceRegistration device) {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(device, "device");
    if (closed.get()) {
      return refuse(user, device, McxError.SERVICE_UNAVAILABLE, "The Mobility Service stopped.");
    }
    Topology topology = deployment.current();
    Optional<User> found = topology.findUser(user);
    if (found.isEmpty()) {
      return refuse(
          user, device, McxError.USER_DISABLED, "The user is not enabled for Lync Server.");
    }
    User account = found.get();
    if (!account.isEnabled()) {
      return refuse(
          account.sipAddress(),
          device,
          McxError.USER_DISABLED,
          "The user is not enabled for Lync Server.");
    }
    if (!topology.effectiveMobilityPolicy(account).enableMobility()) {
      return refuse(
          account.sipAddress(),
          device,
          McxError.MOBILITY_DISABLED,
          "The user's mobility policy does not allow mobility (EnableMobility is False).");
    }
    Instant now = clock.instant();
    LiveSession session = new LiveSession(newId(), account.sipAddress(), device, now);
    sessions.put(session.endpointId(), session);
    session.attach(router.register(session));
    // Signing in on a phone makes the user available, as Lync Mobile does.
    if (router.presenceOf(account.sipAddress()) == Availability.OFFLINE) {
      router.publishPresence(account.sipAddress(), Availability.ONLINE);
    }
    journal.record(
        event(EventKind.SESSION_CREATED, session.sipUri(), session.endpointId(), device));
    return Outcome.ok(session.snapshot(intervalFor(device.deviceType())));
  }

  /** The session as of now, counting this call as a request (it postpones expiry). */
  public Outcome<SessionInfo, McxRefusal> touch(String user, String sessionId) {
    return use(user, sessionId).map(this::snapshot);
  }

  public Outcome<SessionInfo, McxRefusal> publishPresence(
      String user, String sessionId, Availability availability) {
    Objects.requireNonNull(availability, "availability");
    return use(user, sessionId)
        .map(
            session -> {
              router.publishPresence(session.sipUri(), availability);
              journal.record(
                  event(
                          EventKind.PRESENCE_PUBLISHED,
                          session.sipUri(),
                          session.endpointId(),
                          session.device())
                      .with("availability", availability.wireName()));
              return snapshot(session);
            });
  }

  /**
   * Subscribes the session to each contact's presence; later changes arrive as events. Answers the
   * current availability of each, in the order given.
   */
  public Outcome<List<ContactPresence>, McxRefusal> subscribePresence(
      String user, String sessionId, List<String> contacts) {
    List<String> uris = new ArrayList<>();
    for (String contact : contacts) {
      try {
        uris.add(Fqdns.sipUri(contact));
      } catch (IllegalArgumentException notSip) {
        return McxRefusal.refuse(McxError.BAD_REQUEST, notSip.getMessage());
      }
    }
    return use(user, sessionId)
        .map(
            session ->
                uris.stream()
                    .map(uri -> new ContactPresence(uri, router.subscribe(session, uri)))
                    .toList());
  }

  /**
   * Sends an instant message through the router. Refused with {@code UnknownRecipient} when the
   * deployment does not know the address, {@code RecipientOffline} when the recipient has no
   * signed-in endpoint (or is disabled, which looks the same from outside).
   */
  public Outcome<MessageSent, McxRefusal> sendMessage(
      String user, String sessionId, String to, String contentType, String text) {
    Objects.requireNonNull(text, "text");
    String recipient;
    try {
      recipient = Fqdns.sipUri(to);
    } catch (IllegalArgumentException notSip) {
      return McxRefusal.refuse(McxError.BAD_REQUEST, notSip.getMessage());
    }
    Outcome<LiveSession, McxRefusal> used = use(user, sessionId);
    if (!used.isOk()) {
      return used.map(s -> null);
    }
    LiveSession session = used.value();
    InstantMessage message =
        new InstantMessage(
            newId(), session.sipUri(), recipient, contentType, text, clock.instant());
    RouteResult routed = router.route(message);
    journal.record(
        event(EventKind.IM_SENT, session.sipUri(), session.endpointId(), session.device())
            .with("to", recipient)
            .with("message", message.id())
            .with("outcome", routed.outcome()));
    return switch (routed.outcome()) {
      case DELIVERED, FORWARDED -> Outcome.ok(new MessageSent(message.id(), routed.endpoints()));
      case FEDERATION_REFUSED ->
          McxRefusal.refuse(
              McxError.FEDERATION_REFUSED,
              recipient + " is a federated user this deployment may not reach.");
      case UNKNOWN_RECIPIENT ->
          McxRefusal.refuse(
              McxError.UNKNOWN_RECIPIENT, recipient + " is not a user of this deployment.");
      case RECIPIENT_OFFLINE, RECIPIENT_DISABLED ->
          McxRefusal.refuse(McxError.RECIPIENT_OFFLINE, recipient + " is not signed in.");
    };
  }

  /**
   * The long poll: events newer than {@code ack}, at once if there are any, otherwise when the next
   * one arrives or after {@code timeout} (then an empty batch). A held poll is answered with {@code
   * SessionExpired} or {@code SessionNotFound} if its session ends meanwhile.
   */
  public CompletableFuture<Outcome<EventBatch, McxRefusal>> getEvents(
      String user, String sessionId, long ack, Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    Outcome<LiveSession, McxRefusal> used = use(user, sessionId);
    if (!used.isOk()) {
      return CompletableFuture.completedFuture(used.map(s -> null));
    }
    return used.value().poll(ack, timeout, scheduler);
  }

  public Outcome<SessionInfo, McxRefusal> setBackground(
      String user, String sessionId, boolean background) {
    return use(user, sessionId)
        .map(
            session -> {
              session.setBackground(background);
              return snapshot(session);
            });
  }

  /** Signs the session out; its endpoint leaves the router. */
  public Outcome<SessionInfo, McxRefusal> end(String user, String sessionId) {
    return use(user, sessionId)
        .map(
            session -> {
              SessionInfo last = snapshot(session);
              if (sessions.remove(session.endpointId(), session)) {
                session.close(
                    new McxRefusal(McxError.SESSION_NOT_FOUND, "The session was signed out."));
                journal.record(
                    event(
                            EventKind.SESSION_ENDED,
                            session.sipUri(),
                            session.endpointId(),
                            session.device())
                        .with("reason", "signed out"));
              }
              return last;
            });
  }

  /** A live session by id, without counting as a request; for the push path and the admin view. */
  public Optional<SessionInfo> find(String sessionId) {
    LiveSession session = sessions.get(sessionId);
    return session == null ? Optional.empty() : Optional.of(snapshot(session));
  }

  /** Every live session of a user (a user may sign in on several devices). */
  public List<SessionInfo> sessionsOf(String sipUri) {
    String uri = Fqdns.sipUri(sipUri);
    return sessions.values().stream()
        .filter(s -> s.sipUri().equals(uri))
        .map(this::snapshot)
        .toList();
  }

  public int size() {
    return sessions.size();
  }

  /** Expires every session whose interval has passed; called on each clock advance. */
  public int expireDue() {
    Instant now = clock.instant();
    int expired = 0;
    for (LiveSession session : List.copyOf(sessions.values())) {
      if (isDue(session, now) && expire(session)) {
        expired++;
      }
    }
    return expired;
  }

  /** Ends every session (emulator stop); later creates are refused with ServiceUnavailable. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    for (LiveSession session : List.copyOf(sessions.values())) {
      if (sessions.remove(session.endpointId(), session)) {
        session.close(
            new McxRefusal(McxError.SERVICE_UNAVAILABLE, "The Mobility Service stopped."));
        journal.record(
            event(EventKind.SESSION_ENDED, session.sipUri(), session.endpointId(), session.device())
                .with("reason", "service stopped"));
      }
    }
  }

  private Outcome<LiveSession, McxRefusal> use(String user, String sessionId) {
    Objects.requireNonNull(user, "user");
    if (closed.get()) {
      return McxRefusal.refuse(McxError.SERVICE_UNAVAILABLE, "The Mobility Service stopped.");
    }
    Optional<String> uri = ownerUri(user);
    LiveSession session = sessionId == null ? null : sessions.get(sessionId);
    if (session == null) {
      String owner = sessionId == null ? null : expiredOwners.get(sessionId);
      if (owner != null && uri.isPresent() && owner.equals(uri.get())) {
        return McxRefusal.refuse(McxError.SESSION_EXPIRED, "The session has expired.");
      }
      return McxRefusal.refuse(McxError.SESSION_NOT_FOUND, "No such session.");
    }
    // Someone else's session is reported as absent, so ids cannot be probed across users.
    if (uri.isEmpty() || !uri.get().equals(session.sipUri())) {
      return McxRefusal.refuse(McxError.SESSION_NOT_FOUND, "No such session.");
    }
    Instant now = clock.instant();
    if (isDue(session, now)) {
      expire(session);
      return McxRefusal.refuse(McxError.SESSION_EXPIRED, "The session has expired.");
    }
    session.touch(now);
    return Outcome.ok(session);
  }

  private Optional<String> ownerUri(String user) {
    Optional<User> found = deployment.current().findUser(user);
    if (found.isPresent()) {
      return Optional.of(found.get().sipAddress());
    }
    try {
      return Optional.of(Fqdns.sipUri(user));
    } catch (IllegalArgumentException notSip) {
      return Optional.empty();
    }
  }

  private boolean isDue(LiveSession session, Instant now) {
    Instant deadline = session.lastRequest().plus(intervalFor(session.device().deviceType()));
    return !now.isBefore(deadline);
  }

  private boolean expire(LiveSession session) {
    if (!sessions.remove(session.endpointId(), session)) {
      return false;
    }
    expiredOwners.put(session.endpointId(), session.sipUri());
    session.close(new McxRefusal(McxError.SESSION_EXPIRED, "The session has expired."));
    Duration interval = intervalFor(session.device().deviceType());
    journal.record(
        event(EventKind.SESSION_EXPIRED, session.sipUri(), session.endpointId(), session.device())
            .with("reason", "idle for " + interval.toSeconds() + " s"));
    return true;
  }

  private Duration intervalFor(DeviceType type) {
    McxConfiguration mcx = deployment.current().mcx();
    return type.pushCapable() ? mcx.sessionExpiration() : mcx.sessionShortExpiration();
  }

  private SessionInfo snapshot(LiveSession session) {
    return session.snapshot(intervalFor(session.device().deviceType()));
  }

  private Outcome<SessionInfo, McxRefusal> refuse(
      String user, DeviceRegistration device, McxError error, String reason) {
    journal.record(
        NewEvent.of(COMPONENT, EventKind.SESSION_REFUSED)
            .with("user", user)
            .with("device", device.deviceType().wireName())
            .with("code", error.code())
            .with("reason", reason));
    return McxRefusal.refuse(error, reason);
  }

  private static NewEvent event(
      EventKind kind, String user, String sessionId, DeviceRegistration device) {
    return NewEvent.of(COMPONENT, kind)
        .with("user", user)
        .with("session", sessionId)
        .with("device", device.deviceType().wireName());
  }

  /** 144 random bits, URL-safe: unguessable, and safe in an XML attribute or a query string. */
  static String newId() {
    byte[] bytes = new byte[18];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
