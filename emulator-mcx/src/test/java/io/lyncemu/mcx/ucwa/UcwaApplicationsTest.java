package io.lyncemu.mcx.ucwa;

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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UcwaApplicationsTest {
  private static final Duration LONG_WAIT = Duration.ofSeconds(30);
  private static final ApplicationRequest BROWSER =
      new ApplicationRequest("UCWA Samples", "a917c6f4-976c-4cf3-847d-cdfffa28ccdf", "en-US");
  private static final ApplicationRequest PHONE =
      new ApplicationRequest("iPhoneLync/5.0", "b2c5f1d0-0000-4000-8000-000000000001", null);

  private final Litwareinc lab = new Litwareinc();
  private final UcwaApplications apps =
      new UcwaApplications(lab.deployment, lab.router, lab.journal, lab.clock, lab.scheduler);

  @AfterEach
  void stop() {
    apps.close();
    lab.close();
  }

  private ApplicationInfo available(String user) {
    ApplicationInfo app = apps.create(user, BROWSER).value();
    return apps.makeMeAvailable(user, app.id()).value();
  }

  private EventsPage page(String user, ApplicationInfo app, long ack) throws Exception {
    return apps.events(user, app.id(), ack, LONG_WAIT).get(5, TimeUnit.SECONDS).value();
  }

  private List<JournalEvent> journaled(EventKind kind) {
    return lab.journal.query(JournalQuery.kind(kind).component("ucwa"));
  }

  @Test
  void createsAnApplicationThatIsNotYetAnEndpoint() {
    ApplicationInfo app = apps.create(KEN, BROWSER).value();

    assertThat(app.sipUri()).isEqualTo(KEN);
    assertThat(app.displayName()).isEqualTo("Ken Myer");
    assertThat(app.available()).isFalse();
    assertThat(lab.router.endpointsOf(KEN)).isEmpty();
    assertThat(journaled(EventKind.SESSION_CREATED))
        .singleElement()
        .satisfies(e -> assertThat(e.attribute("session")).isEqualTo(app.id()));
  }

  @Test
  void makeMeAvailableRegistersTheEndpointAndPublishesOnline() throws Exception {
    ApplicationInfo app = available(KEN);

    assertThat(app.available()).isTrue();
    assertThat(lab.router.endpointsOf(KEN))
        .singleElement()
        .satisfies(e -> assertThat(e.protocol()).isEqualTo("ucwa"));
    assertThat(lab.router.presenceOf(KEN)).isEqualTo(Availability.ONLINE);
    assertThat(page(KEN, app, 1).events())
        .containsExactly(new UcwaEvent.PresenceUpdated(Availability.ONLINE));
  }

  @Test
  void refusesADisabledUser() {
    lab.deployment.update("disable", t -> t.withUser(KEN, u -> u.withEnabled(false)));

    assertThat(apps.create(KEN, BROWSER).refusal().error()).isEqualTo(UcwaError.FORBIDDEN);
    assertThat(journaled(EventKind.SESSION_REFUSED)).hasSize(1);
  }

  @Test
  void refusesAMobileClientWhenMobilityIsDisabledButNotABrowser() {
    lab.deployment.update(
        "mobility off",
        t ->
            t.withMobilityPolicies(
                t.mobilityPolicies().stream()
                    .map(p -> new MobilityPolicy(p.identity(), false, null, null, null, null, null))
                    .toList()));

    assertThat(apps.create(PILAR, PHONE).refusal().error())
        .isEqualTo(UcwaError.MOBILE_APPLICATION_NOT_ALLOWED);
    assertThat(apps.create(PILAR, BROWSER).isOk()).isTrue();
  }

  @Test
  void aRepeatedAckReturnsTheSamePageAndTheNextAckWaits() throws Exception {
    ApplicationInfo app = available(KEN);

    EventsPage first = page(KEN, app, 1);
    EventsPage again = page(KEN, app, 1);
    CompletableFuture<Outcome<EventsPage, UcwaRefusal>> next =
        apps.events(KEN, app.id(), 2, LONG_WAIT);

    assertThat(again).isEqualTo(first);
    assertThat(first.nextAck()).isEqualTo(2);
    assertThat(next).isNotDone();
  }

  @Test
  void aHeldEventGetTimesOutWithAnEmptyPage() throws Exception {
    ApplicationInfo app = apps.create(KEN, BROWSER).value();

    EventsPage page =
        apps.events(KEN, app.id(), 1, Duration.ofMillis(20)).get(5, TimeUnit.SECONDS).value();

    assertThat(page.events()).isEmpty();
    assertThat(page.resync()).isFalse();
    assertThat(page.nextAck()).isEqualTo(2);
  }

  @Test
  void anUnknownAckGetsAResyncPage() throws Exception {
    ApplicationInfo app = apps.create(KEN, BROWSER).value();

    EventsPage page = page(KEN, app, 9);

    assertThat(page.resync()).isTrue();
    assertThat(page.nextAck()).isEqualTo(1);
  }

  @Test
  void anIdleApplicationExpiresAfterFifteenMinutes() {
    ApplicationInfo app = available(KEN);

    lab.clock.advance(Duration.ofMinutes(14));
    assertThat(apps.get(KEN, app.id()).isOk()).isTrue();
    lab.clock.advance(Duration.ofMinutes(15));

    assertThat(apps.find(app.id())).isEmpty();
    assertThat(lab.router.endpointsOf(KEN)).isEmpty();
    assertThat(apps.get(KEN, app.id()).refusal().error())
        .isEqualTo(UcwaError.APPLICATION_NOT_FOUND);
    assertThat(journaled(EventKind.SESSION_EXPIRED)).hasSize(1);
  }

  @Test
  void aHeldEventChannelKeepsTheApplicationAlive() throws Exception {
    ApplicationInfo app = apps.create(KEN, BROWSER).value();
    CompletableFuture<Outcome<EventsPage, UcwaRefusal>> held =
        apps.events(KEN, app.id(), 1, LONG_WAIT);

    lab.clock.advance(Duration.ofHours(1));

    assertThat(apps.find(app.id())).isPresent();
    assertThat(held).isNotDone();
  }

  @Test
  void startMessagingToAnOfflineUserCompletesWithFailure() throws Exception {
    ApplicationInfo app = apps.create(KEN, BROWSER).value();

    MessagingInvitation invitation =
        apps.startMessaging(KEN, app.id(), AIDAN, "op-1", "ctx-1", "Hi").value();

    assertThat(invitation.succeeded()).isFalse();
    assertThat(invitation.failure()).isEqualTo("TemporarilyUnavailable");
    assertThat(page(KEN, app, 1).events())
        .last()
        .isEqualTo(new UcwaEvent.InvitationCompleted(invitation));
  }

  @Test
  void anotherUsersApplicationIsNotFound() {
    ApplicationInfo app = apps.create(KEN, BROWSER).value();

    assertThat(apps.get(PILAR, app.id()).refusal().error())
        .isEqualTo(UcwaError.APPLICATION_NOT_FOUND);
  }

  @Test
  void deletingAnApplicationAnswersItsHeldEventGet() throws Exception {
    ApplicationInfo app = apps.create(KEN, BROWSER).value();
    CompletableFuture<Outcome<EventsPage, UcwaRefusal>> held =
        apps.events(KEN, app.id(), 1, LONG_WAIT);

    apps.delete(KEN, app.id());

    assertThat(held.get(5, TimeUnit.SECONDS).refusal().error())
        .isEqualTo(UcwaError.APPLICATION_NOT_FOUND);
    assertThat(journaled(EventKind.SESSION_ENDED)).hasSize(1);
  }
}
