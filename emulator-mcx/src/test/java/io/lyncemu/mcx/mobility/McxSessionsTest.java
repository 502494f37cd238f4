package io.lyncemu.mcx.mobility;

import static io.lyncemu.mcx.Litwareinc.AIDAN;
import static io.lyncemu.mcx.Litwareinc.KEN;
import static io.lyncemu.mcx.Litwareinc.PILAR;
import static org.assertj.core.api.Assertions.assertThat;

import io.lyncemu.core.journal.EventKind;
import io.lyncemu.core.journal.JournalEvent;
import io.lyncemu.core.journal.JournalQuery;
import io.lyncemu.core.routing.Availability;
import io.lyncemu.core.topology.MobilityPolicy;
import io.lyncemu.mcx.Litwareinc;
import io.lyncemu.mcx.outcome.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class McxSessionsTest {
  private static final Duration LONG_WAIT = Duration.ofSeconds(30);

  private final Litwareinc lab = new Litwareinc();
  private final McxSessions sessions =
      new McxSessions(lab.deployment, lab.router, lab.journal, lab.clock, lab.scheduler);

  @AfterEach
  void stop() {
    sessions.close();
    lab.close();
  }

  private SessionInfo signIn(String user, DeviceType type) {
    return sessions.create(user, DeviceRegistration.of(type, type.wireName() + "Lync/4.0")).value();
  }

  private List<JournalEvent> journaled(EventKind kind) {
    return lab.journal.query(JournalQuery.kind(kind).component("mcx"));
  }

  @Test
  void createsASessionForAnEnabledUserAndRegistersItsEndpoint() {
    SessionInfo session = signIn("litwareinc\\kenmyer", DeviceType.IPHONE);

    assertThat(session.sipUri()).isEqualTo(KEN);
    assertThat(session.id()).hasSizeGreaterThanOrEqualTo(20);
    assertThat(session.expirationInterval()).isEqualTo(Duration.ofSeconds(259_200));
    assertThat(lab.router.endpointsOf(KEN))
        .singleElement()
        .satisfies(e -> assertThat(e.protocol()).isEqualTo("mcx"));
    assertThat(lab.router.presenceOf(KEN)).isEqualTo(Availability.ONLINE);
    assertThat(journaled(EventKind.SESSION_CREATED))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.attribute("user")).isEqualTo(KEN);
              assertThat(e.attribute("session")).isEqualTo(session.id());
              assertThat(e.attribute("device")).isEqualTo("iPhone");
            });
  }

  @Test
  void sessionIdsAreNeverReused() {
    SessionInfo first = signIn(KEN, DeviceType.IPHONE);
    SessionInfo second = signIn(KEN, DeviceType.IPHONE);

    assertThat(first.id()).isNotEqualTo(second.id());
  }

  @Test
  void refusesADisabledUserWithUserDisabled() {
    lab.deployment.update("disable ken", t -> t.withUser(KEN, u -> u.withEnabled(false)));

    Outcome<SessionInfo, McxRefusal> result =
        sessions.create(KEN, DeviceRegistration.of(DeviceType.IPHONE, "iPhoneLync"));

    assertThat(result.refusal().error()).isEqualTo(McxError.USER_DISABLED);
    assertThat(lab.router.endpointsOf(KEN)).isEmpty();
    assertThat(journaled(EventKind.SESSION_REFUSED))
        .singleElement()
        .satisfies(e -> assertThat(e.attribute("code")).isEqualTo("UserDisabled"));
  }

  @Test
  void refusesAnUnknownUserWithUserDisabled() {
    Outcome<SessionInfo, McxRefusal> result =
        sessions.create("sip:nobody@litwareinc.com", DeviceRegistration.of(DeviceType.NOKIA, "x"));

    assertThat(result.refusal().error()).isEqualTo(McxError.USER_DISABLED);
  }

  @Test
  void refusesAUserWhoseMobilityPolicyDisablesMobility() {
    lab.deployment.update(
        "mobility off for Redmond",
        t ->
            t.withMobilityPolicies(
                t.mobilityPolicies().stream()
                    .map(
                        p ->
                            p.identity().equals("Tag:RedmondMobilityPolicy")
                                ? new MobilityPolicy(
                                    p.identity(), false, null, null, null, null, null)
                                : p)
                    .toList()));

    Outcome<SessionInfo, McxRefusal> ken =
        sessions.create(KEN, DeviceRegistration.of(DeviceType.IPHONE, "iPhoneLync"));
    Outcome<SessionInfo, McxRefusal> pilar =
        sessions.create(PILAR, DeviceRegistration.of(DeviceType.IPHONE, "iPhoneLync"));

    assertThat(ken.refusal().error()).isEqualTo(McxError.MOBILITY_DISABLED);
    assertThat(pilar.isOk()).isTrue();
  }

  @Test
  void aPushCapableSessionLivesForSessionExpirationIntervalSinceItsLastRequest() {
    SessionInfo session = signIn(KEN, DeviceType.WINDOWS_PHONE);

    lab.clock.advance(Duration.ofSeconds(259_199));
    assertThat(sessions.touch(KEN, session.id()).isOk()).isTrue();
    lab.clock.advance(Duration.ofSeconds(259_199));
    assertThat(sessions.touch(KEN, session.id()).isOk()).isTrue();
    lab.clock.advance(Duration.ofSeconds(259_200));

    assertThat(sessions.touch(KEN, session.id()).refusal().error())
        .isEqualTo(McxError.SESSION_EXPIRED);
  }

  @Test
  void aSessionWithoutPushExpiresAfterSessionShortExpirationInterval() {
    SessionInfo android = signIn(KEN, DeviceType.ANDROID);
    SessionInfo ipad = signIn(PILAR, DeviceType.IPAD);

    lab.clock.advance(Duration.ofSeconds(3_600));

    assertThat(sessions.find(android.id())).isEmpty();
    assertThat(sessions.find(ipad.id())).isPresent();
    assertThat(lab.router.endpointsOf(KEN)).isEmpty();
    assertThat(lab.router.presenceOf(KEN)).isEqualTo(Availability.OFFLINE);
    assertThat(journaled(EventKind.SESSION_EXPIRED))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.attribute("session")).isEqualTo(android.id());
              assertThat(e.attribute("device")).isEqualTo("Android");
              assertThat(e.attribute("reason")).contains("3600");
            });
  }

  @Test
  void aNewMcxConfigurationAppliesToLiveSessionsAtOnce() {
    SessionInfo session = signIn(KEN, DeviceType.NOKIA);
    lab.clock.advance(Duration.ofSeconds(200));

    lab.deployment.update(
        "Set-CsMcxConfiguration", t -> t.withMcx(t.mcx().withSessionShortExpirationInterval(120)));

    assertThat(sessions.touch(KEN, session.id()).refusal().error())
        .isEqualTo(McxError.SESSION_EXPIRED);
    assertThat(journaled(EventKind.SESSION_EXPIRED)).hasSize(1);
  }

  @Test
  void anExpiredSessionKeepsAnsweringSessionExpired() {
    SessionInfo session = signIn(KEN, DeviceType.ANDROID);
    lab.clock.advance(Duration.ofHours(2));

    assertThat(sessions.touch(KEN, session.id()).refusal().error())
        .isEqualTo(McxError.SESSION_EXPIRED);
    assertThat(sessions.touch(KEN, session.id()).refusal().error())
        .isEqualTo(McxError.SESSION_EXPIRED);
    assertThat(journaled(EventKind.SESSION_EXPIRED)).hasSize(1);
  }

  @Test
  void anotherUsersSessionIsNotFound() {
    SessionInfo session = signIn(KEN, DeviceType.IPHONE);

    assertThat(sessions.touch(PILAR, session.id()).refusal().error())
        .isEqualTo(McxError.SESSION_NOT_FOUND);
    assertThat(sessions.touch(KEN, "made-up").refusal().error())
        .isEqualTo(McxError.SESSION_NOT_FOUND);
  }

  @Test
  void aLaterDeliveryFailureReachesTheSendersLongPoll() throws Exception {
    SessionInfo ken = signIn(KEN, DeviceType.IPHONE);
    CompletableFuture<Outcome<EventBatch, McxRefusal>> poll =
        sessions.getEvents(KEN, ken.id(), 0, LONG_WAIT);

    lab.router.reportDeliveryFailure(
        new io.lyncemu.core.routing.InstantMessage(
            "m-x", KEN, "sip:alice@fabrikam.com", null, "hi", java.time.Instant.now()),
        "remote-server-not-found");

    assertThat(poll.get(5, TimeUnit.SECONDS).value().events())
        .singleElement()
        .isEqualTo(
            new McxEvent.DeliveryFailed(
                1, "m-x", "sip:alice@fabrikam.com", "remote-server-not-found"));
  }

  @Test
  void theLongPollCompletesWhenAMessageArrives() throws Exception {
    SessionInfo ken = signIn(KEN, DeviceType.IPHONE);
    SessionInfo pilar = signIn(PILAR, DeviceType.ANDROID);
    CompletableFuture<Outcome<EventBatch, McxRefusal>> poll =
        sessions.getEvents(PILAR, pilar.id(), 0, LONG_WAIT);
    assertThat(poll).isNotDone();

    Outcome<MessageSent, McxRefusal> sent =
        sessions.sendMessage(KEN, ken.id(), PILAR, "text/plain", "Lunch at noon?");

    assertThat(sent.value().endpoints()).isEqualTo(1);
    EventBatch batch = poll.get(5, TimeUnit.SECONDS).value();
    assertThat(batch.next()).isEqualTo(1);
    assertThat(batch.events())
        .singleElement()
        .isInstanceOfSatisfying(
            McxEvent.MessageReceived.class,
            m -> {
              assertThat(m.message().from()).isEqualTo(KEN);
              assertThat(m.message().text()).isEqualTo("Lunch at noon?");
              assertThat(m.message().id()).isEqualTo(sent.value().messageId());
            });
    assertThat(journaled(EventKind.IM_SENT))
        .singleElement()
        .satisfies(e -> assertThat(e.attribute("to")).isEqualTo(PILAR));
  }

  @Test
  void theLongPollEndsEmptyWhenItsTimeoutPasses() throws Exception {
    SessionInfo session = signIn(KEN, DeviceType.IPHONE);

    EventBatch batch =
        sessions
            .getEvents(KEN, session.id(), 0, Duration.ofMillis(20))
            .get(5, TimeUnit.SECONDS)
            .value();

    assertThat(batch.isEmpty()).isTrue();
    assertThat(batch.next()).isZero();
  }

  @Test
  void queuedEventsAreAnsweredAtOnceAndRepeatedUntilAcknowledged() throws Exception {
    SessionInfo ken = signIn(KEN, DeviceType.IPHONE);
    SessionInfo pilar = signIn(PILAR, DeviceType.IPHONE);
    sessions.sendMessage(KEN, ken.id(), PILAR, "text/plain", "one");
    sessions.sendMessage(KEN, ken.id(), PILAR, "text/html", "<b>two</b>");

    EventBatch first = sessions.getEvents(PILAR, pilar.id(), 0, LONG_WAIT).getNow(null).value();
    EventBatch again = sessions.getEvents(PILAR, pilar.id(), 0, LONG_WAIT).getNow(null).value();
    CompletableFuture<Outcome<EventBatch, McxRefusal>> afterAck =
        sessions.getEvents(PILAR, pilar.id(), first.next(), LONG_WAIT);

    assertThat(first.events()).hasSize(2);
    assertThat(first.next()).isEqualTo(2);
    assertThat(again).isEqualTo(first);
    assertThat(afterAck).isNotDone();
  }

  @Test
  void anAckAheadOfTheLastEventIsABadRequest() {
    SessionInfo session = signIn(KEN, DeviceType.IPHONE);

    Outcome<EventBatch, McxRefusal> result =
        sessions.getEvents(KEN, session.id(), 7, LONG_WAIT).getNow(null);

    assertThat(result.refusal().error()).isEqualTo(McxError.BAD_REQUEST);
  }

  @Test
  void aHeldLongPollIsAnsweredSessionExpiredWhenItsSessionExpires() throws Exception {
    SessionInfo session = signIn(KEN, DeviceType.ANDROID);
    CompletableFuture<Outcome<EventBatch, McxRefusal>> poll =
        sessions.getEvents(KEN, session.id(), 0, LONG_WAIT);

    lab.clock.advance(Duration.ofHours(1));

    assertThat(poll.get(5, TimeUnit.SECONDS).refusal().error()).isEqualTo(McxError.SESSION_EXPIRED);
  }

  @Test
  void aNewerLongPollReleasesTheOlderOneEmpty() throws Exception {
    SessionInfo session = signIn(KEN, DeviceType.IPHONE);
    CompletableFuture<Outcome<EventBatch, McxRefusal>> older =
        sessions.getEvents(KEN, session.id(), 0, LONG_WAIT);

    CompletableFuture<Outcome<EventBatch, McxRefusal>> newer =
        sessions.getEvents(KEN, session.id(), 0, LONG_WAIT);

    assertThat(older.get(5, TimeUnit.SECONDS).value().isEmpty()).isTrue();
    assertThat(newer).isNotDone();
  }

  @Test
  void messagesToUnknownOrSignedOutUsersAreRefused() {
    SessionInfo ken = signIn(KEN, DeviceType.IPHONE);

    Outcome<MessageSent, McxRefusal> unknown =
        sessions.sendMessage(KEN, ken.id(), "sip:ghost@litwareinc.com", "text/plain", "hi");
    Outcome<MessageSent, McxRefusal> offline =
        sessions.sendMessage(KEN, ken.id(), AIDAN, "text/plain", "hi");
    Outcome<MessageSent, McxRefusal> notSip =
        sessions.sendMessage(KEN, ken.id(), "not an address", null, "x");

    assertThat(unknown.refusal().error()).isEqualTo(McxError.UNKNOWN_RECIPIENT);
    assertThat(offline.refusal().error()).isEqualTo(McxError.RECIPIENT_OFFLINE);
    assertThat(notSip.refusal().error()).isEqualTo(McxError.BAD_REQUEST);
  }

  @Test
  void subscribedPresenceChangesArriveAsEvents() throws Exception {
    SessionInfo ken = signIn(KEN, DeviceType.IPHONE);
    List<ContactPresence> now = sessions.subscribePresence(KEN, ken.id(), List.of(PILAR)).value();
    SessionInfo pilar = signIn(PILAR, DeviceType.IPHONE);

    sessions.publishPresence(PILAR, pilar.id(), Availability.BUSY);

    assertThat(now).containsExactly(new ContactPresence(PILAR, Availability.OFFLINE));
    EventBatch batch = sessions.getEvents(KEN, ken.id(), 0, LONG_WAIT).getNow(null).value();
    assertThat(batch.events())
        .extracting(e -> ((McxEvent.PresenceChanged) e).availability())
        .containsExactly(Availability.ONLINE, Availability.BUSY);
    assertThat(journaled(EventKind.PRESENCE_PUBLISHED))
        .singleElement()
        .satisfies(e -> assertThat(e.attribute("availability")).isEqualTo("Busy"));
  }

  @Test
  void endingASessionUnregistersItAndJournalsIt() {
    SessionInfo session = signIn(KEN, DeviceType.IPHONE);

    assertThat(sessions.end(KEN, session.id()).isOk()).isTrue();

    assertThat(lab.router.endpointsOf(KEN)).isEmpty();
    assertThat(sessions.touch(KEN, session.id()).refusal().error())
        .isEqualTo(McxError.SESSION_NOT_FOUND);
    assertThat(journaled(EventKind.SESSION_ENDED))
        .singleElement()
        .satisfies(e -> assertThat(e.attribute("reason")).isEqualTo("signed out"));
  }

  @Test
  void settingBackgroundKeepsThePushRegistration() {
    PushRegistration push = new PushRegistration(PushRegistration.Service.APNS, "a1b2c3");
    SessionInfo session =
        sessions
            .create(KEN, DeviceRegistration.of(DeviceType.IPHONE, "iPhoneLync").withPush(push))
            .value();

    SessionInfo after = sessions.setBackground(KEN, session.id(), true).value();

    assertThat(after.device().background()).isTrue();
    assertThat(after.device().push()).isEqualTo(Optional.of(push));
  }

  @Test
  void closingEndsEverySessionAndRefusesNewOnes() throws Exception {
    SessionInfo session = signIn(KEN, DeviceType.IPHONE);
    CompletableFuture<Outcome<EventBatch, McxRefusal>> poll =
        sessions.getEvents(KEN, session.id(), 0, LONG_WAIT);

    sessions.close();

    assertThat(poll.get(5, TimeUnit.SECONDS).refusal().error())
        .isEqualTo(McxError.SERVICE_UNAVAILABLE);
    assertThat(lab.router.endpointsOf(KEN)).isEmpty();
    assertThat(
            sessions.create(KEN, DeviceRegistration.of(DeviceType.IPHONE, "x")).refusal().error())
        .isEqualTo(McxError.SERVICE_UNAVAILABLE);
    assertThat(journaled(EventKind.SESSION_ENDED))
        .singleElement()
        .satisfies(e -> assertThat(e.attribute("reason")).isEqualTo("service stopped"));
  }
}
