package io.lyncemu.mcx.ucwa;

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
import io.lyncemu.core.topology.Topology;
import io.lyncemu.core.topology.User;
import io.lyncemu.mcx.outcome.Outcome;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The registry of UCWA applications: creates them for authenticated users, carries out the
 * supported operations with typed {@link io.lyncemu.mcx.outcome.Outcome}s, routes messages through
 * the core router and feeds each application's event channel.
 *
 * <p>Lifetime (emulator choice, documented in the package): an application expires after {@link
 * #IDLE_LIMIT} on the emulator clock without a request, unless a pending GET is held (a held event
 * channel is activity). Expiry is checked lazily on use and at every clock advance.
 *
 * <p>Mobile clients (user agents naming one of the Lync Mobile client-version identifiers) are
 * refused when the user's mobility policy has EnableMobility False; browser clients are not, since
 * the mobility policy only governs mobile clients.
 *
 * <p>Thread-safe; event GETs hold no thread.
 */
public final class UcwaApplications implements AutoCloseable {
  /** Idle time after which an application without a held event channel is removed. */
  public static final Duration IDLE_LIMIT = Duration.ofMinutes(15);

  static final String COMPONENT = "ucwa";
  private static final List<String> MOBILE_AGENTS =
      List.of("iphonelync", "ipadlync", "wplync", "androidlync", "nokialync");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Deployment deployment;
  private final MessageRouter router;
  private final EventJournal journal;
  private final EmulatorClock clock;
  private final ScheduledExecutorService scheduler;
  private final Map<String, LiveApplication> applications = new ConcurrentHashMap<>();
  private final AtomicBoolean closed = new AtomicBoolean();

  public UcwaApplications(
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

  /** {@code POST /ucwa/oauth/v1/applications} for {@code user} (the identity the token proved). */
  public Outcome<ApplicationInfo, UcwaRefusal> create(String user, ApplicationRequest request) {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(request, "request");
    if (closed.get()) {
      return refuse(user, request, UcwaError.SERVICE_FAILURE, "The UCWA service stopped.");
    }
    Topology topology = deployment.current();
    Optional<User> found = topology.findUser(user);
    if (found.isEmpty() || !found.get().isEnabled()) {
      return refuse(user, request, UcwaError.FORBIDDEN, "The user is not enabled for Lync Server.");
    }
    User account = found.get();
    if (isMobile(request.userAgent())
        && !topology.effectiveMobilityPolicy(account).enableMobility()) {
      return refuse(
          account.sipAddress(),
          request,
          UcwaError.MOBILE_APPLICATION_NOT_ALLOWED,
          "User is no longer authorized for mobile applications.");
    }
    ApplicationInfo info =
        new ApplicationInfo(
            newId(),
            account.sipAddress(),
            account.displayName(),
            request,
            newId(),
            clock.instant(),
            false);
    applications.put(info.id(), new LiveApplication(info, UcwaApplications::newId));
    journal.record(event(EventKind.SESSION_CREATED, info));
    return Outcome.ok(info);
  }

  /** The application as of now; counts as a request. */
  public Outcome<ApplicationInfo, UcwaRefusal> get(String user, String applicationId) {
    return use(user, applicationId).map(LiveApplication::snapshot);
  }

  /** {@code DELETE} on the application: signs it out. */
  public Outcome<ApplicationInfo, UcwaRefusal> delete(String user, String applicationId) {
    return use(user, applicationId)
        .map(
            app -> {
              if (applications.remove(app.endpointId(), app)) {
                app.close(
                    new UcwaRefusal(
                        UcwaError.APPLICATION_NOT_FOUND, "The application was deleted."));
                journal.record(
                    event(EventKind.SESSION_ENDED, app.snapshot()).with("reason", "deleted"));
              }
              return app.snapshot();
            });
  }

  /**
   * {@code POST …/me/makeMeAvailable}: the application becomes one of the user's endpoints (from
   * now on it receives messages) and the user's availability becomes Online.
   */
  public Outcome<ApplicationInfo, UcwaRefusal> makeMeAvailable(String user, String applicationId) {
    return use(user, applicationId)
        .map(
            app -> {
              if (app.markAvailable()) {
                app.attach(router.register(app));
              }
              publish(app, Availability.ONLINE);
              return app.snapshot();
            });
  }

  /** {@code GET …/me/presence}. */
  public Outcome<Availability, UcwaRefusal> presence(String user, String applicationId) {
    return use(user, applicationId).map(app -> router.presenceOf(app.sipUri()));
  }

  /** {@code POST …/me/presence}. */
  public Outcome<Availability, UcwaRefusal> setPresence(
      String user, String applicationId, Availability availability) {
    Objects.requireNonNull(availability, "availability");
    return use(user, applicationId)
        .map(
            app -> {
              publish(app, availability);
              return availability;
            });
  }

  /** {@code POST …/me/reportMyActivity}: keeps the application (and the user) active. */
  public Outcome<ApplicationInfo, UcwaRefusal> reportMyActivity(String user, String applicationId) {
    return get(user, applicationId);
  }

  /**
   * {@code POST …/communication/messagingInvitations}. The invitation completes at once: with
   * success when the recipient has a signed-in endpoint (remote acceptance is assumed), otherwise
   * with a failure code ({@code NotFound} for an unknown address, {@code TemporarilyUnavailable}
   * for one with no endpoint). The events tell the client either way, as in UCWA.
   */
  public Outcome<MessagingInvitation, UcwaRefusal> startMessaging(
      String user,
      String applicationId,
      String to,
      String operationId,
      String sessionContext,
      String subject) {
    String remote;
    try {
      remote = Fqdns.sipUri(to);
    } catch (IllegalArgumentException notSip) {
      return UcwaRefusal.refuse(UcwaError.PARAMETER_VALIDATION_FAILURE, notSip.getMessage());
    }
    return use(user, applicationId)
        .map(
            app -> {
              LiveApplication.Conversation conversation = app.openConversation(remote);
              String failure = reachability(remote);
              MessagingInvitation invitation =
                  new MessagingInvitation(
                      newId(),
                      conversation.id(),
                      Direction.OUTGOING,
                      remote,
                      operationId,
                      sessionContext,
                      subject,
                      failure);
              app.publish(
                  List.of(
                      new UcwaEvent.InvitationStarted(invitation),
                      new UcwaEvent.ConversationAdded(conversation.id(), remote),
                      new UcwaEvent.MessagingUpdated(
                          conversation.id(), failure.isEmpty() ? "Connected" : "Disconnected"),
                      new UcwaEvent.InvitationCompleted(invitation)));
              return invitation;
            });
  }

  /**
   * {@code POST …/conversations/<id>/messaging/messages}: routes the message through core and
   * reports the outcome as a {@code message} completed event. Answers the message id.
   */
  public Outcome<String, UcwaRefusal> sendMessage(
      String user, String applicationId, String conversationId, String contentType, String text) {
    Objects.requireNonNull(text, "text");
    Outcome<LiveApplication, UcwaRefusal> used = use(user, applicationId);
    if (!used.isOk()) {
      return Outcome.refused(used.refusal());
    }
    LiveApplication app = used.value();
    Optional<LiveApplication.Conversation> conversation = app.conversation(conversationId);
    if (conversation.isEmpty()) {
      return UcwaRefusal.refuse(UcwaError.RESOURCE_NOT_FOUND, "The conversation does not exist.");
    }
    InstantMessage message =
        new InstantMessage(
            newId(),
            app.sipUri(),
            conversation.get().remoteUri(),
            contentType,
            text,
            clock.instant());
    RouteResult routed = router.route(message);
    journal.record(
        event(EventKind.IM_SENT, app.snapshot())
            .with("to", message.to())
            .with("message", message.id())
            .with("outcome", routed.outcome()));
    String failure =
        switch (routed.outcome()) {
          case DELIVERED, FORWARDED -> "";
          case UNKNOWN_RECIPIENT -> "NotFound";
          case FEDERATION_REFUSED -> "Forbidden";
          case RECIPIENT_OFFLINE, RECIPIENT_DISABLED -> "TemporarilyUnavailable";
        };
    app.publish(List.of(new UcwaEvent.MessageCompleted(conversationId, message.id(), failure)));
    return Outcome.ok(message.id());
  }

  /** The pending GET on the event channel; see {@link EventsPage} for the ack rules. */
  public CompletableFuture<Outcome<EventsPage, UcwaRefusal>> events(
      String user, String applicationId, long ack, Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    Outcome<LiveApplication, UcwaRefusal> used = use(user, applicationId);
    if (!used.isOk()) {
      return CompletableFuture.completedFuture(Outcome.refused(used.refusal()));
    }
    return used.value().events(ack, timeout, scheduler);
  }

  /** A live application by id, without counting as a request. */
  public Optional<ApplicationInfo> find(String applicationId) {
    LiveApplication app = applications.get(applicationId);
    return app == null ? Optional.empty() : Optional.of(app.snapshot());
  }

  public int size() {
    return applications.size();
  }

  /** Removes every application idle longer than {@link #IDLE_LIMIT}; runs on each clock advance. */
  public int expireDue() {
    Instant now = clock.instant();
    int expired = 0;
    for (LiveApplication app : List.copyOf(applications.values())) {
      if (isDue(app, now) && expire(app)) {
        expired++;
      }
    }
    return expired;
  }

  /** Ends every application (emulator stop). */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    for (LiveApplication app : List.copyOf(applications.values())) {
      if (applications.remove(app.endpointId(), app)) {
        app.close(new UcwaRefusal(UcwaError.SERVICE_FAILURE, "The UCWA service stopped."));
        journal.record(
            event(EventKind.SESSION_ENDED, app.snapshot()).with("reason", "service stopped"));
      }
    }
  }

  private Outcome<LiveApplication, UcwaRefusal> use(String user, String applicationId) {
    Objects.requireNonNull(user, "user");
    if (closed.get()) {
      return UcwaRefusal.refuse(UcwaError.SERVICE_FAILURE, "The UCWA service stopped.");
    }
    LiveApplication app = applicationId == null ? null : applications.get(applicationId);
    Optional<String> owner = deployment.current().findUser(user).map(User::sipAddress);
    // Another user's application is reported as absent, so ids cannot be probed across users.
    if (app == null || owner.isEmpty() || !owner.get().equals(app.sipUri())) {
      return UcwaRefusal.refuse(UcwaError.APPLICATION_NOT_FOUND, "The application does not exist.");
    }
    Instant now = clock.instant();
    if (isDue(app, now)) {
      expire(app);
      return UcwaRefusal.refuse(
          UcwaError.INACTIVE_APPLICATION_EXPIRED, "An inactive application expired.");
    }
    app.touch(now);
    return Outcome.ok(app);
  }

  private void publish(LiveApplication app, Availability availability) {
    router.publishPresence(app.sipUri(), availability);
    app.publish(List.of(new UcwaEvent.PresenceUpdated(availability)));
    journal.record(
        event(EventKind.PRESENCE_PUBLISHED, app.snapshot())
            .with("availability", availability.wireName()));
  }

  private String reachability(String remote) {
    Optional<User> user = deployment.current().findUser(remote);
    if (user.isEmpty()) {
      return "NotFound";
    }
    return user.get().isEnabled() && !router.endpointsOf(remote).isEmpty()
        ? ""
        : "TemporarilyUnavailable";
  }

  private static boolean isDue(LiveApplication app, Instant now) {
    return !app.isHeld() && !now.isBefore(app.lastRequest().plus(IDLE_LIMIT));
  }

  private boolean expire(LiveApplication app) {
    if (!applications.remove(app.endpointId(), app)) {
      return false;
    }
    app.close(
        new UcwaRefusal(
            UcwaError.INACTIVE_APPLICATION_EXPIRED, "An inactive application expired."));
    journal.record(
        event(EventKind.SESSION_EXPIRED, app.snapshot())
            .with("reason", "idle for " + IDLE_LIMIT.toMinutes() + " min"));
    return true;
  }

  private Outcome<ApplicationInfo, UcwaRefusal> refuse(
      String user, ApplicationRequest request, UcwaError error, String message) {
    journal.record(
        NewEvent.of(COMPONENT, EventKind.SESSION_REFUSED)
            .with("user", user)
            .with("device", request.userAgent())
            .with("code", error.subcode().orElse(error.code()))
            .with("reason", message));
    return UcwaRefusal.refuse(error, message);
  }

  private static boolean isMobile(String userAgent) {
    String agent = userAgent.toLowerCase(Locale.ROOT);
    return MOBILE_AGENTS.stream().anyMatch(agent::contains);
  }

  private static NewEvent event(EventKind kind, ApplicationInfo app) {
    return NewEvent.of(COMPONENT, kind)
        .with("user", app.sipUri())
        .with("session", app.id())
        .with("device", app.request().userAgent());
  }

  /** 128 random bits in hex: unguessable and safe in a URL path segment. */
  static String newId() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
