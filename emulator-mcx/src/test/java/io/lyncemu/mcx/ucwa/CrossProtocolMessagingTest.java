package io.lyncemu.mcx.ucwa;

import static io.lyncemu.mcx.Litwareinc.KEN;
import static io.lyncemu.mcx.Litwareinc.PILAR;
import static org.assertj.core.api.Assertions.assertThat;

import io.lyncemu.mcx.Litwareinc;
import io.lyncemu.mcx.mobility.DeviceRegistration;
import io.lyncemu.mcx.mobility.DeviceType;
import io.lyncemu.mcx.mobility.EventBatch;
import io.lyncemu.mcx.mobility.McxEvent;
import io.lyncemu.mcx.mobility.McxRefusal;
import io.lyncemu.mcx.mobility.McxSessions;
import io.lyncemu.mcx.mobility.SessionInfo;
import io.lyncemu.mcx.outcome.Outcome;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An MCX phone and a UCWA client of two users, talking through one core router. */
class CrossProtocolMessagingTest {
  private static final Duration LONG_WAIT = Duration.ofSeconds(30);

  private final Litwareinc lab = new Litwareinc();
  private final McxSessions mcx =
      new McxSessions(lab.deployment, lab.router, lab.journal, lab.clock, lab.scheduler);
  private final UcwaApplications ucwa =
      new UcwaApplications(lab.deployment, lab.router, lab.journal, lab.clock, lab.scheduler);

  @AfterEach
  void stop() {
    mcx.close();
    ucwa.close();
    lab.close();
  }

  private ApplicationInfo pilarOnUcwa() {
    ApplicationInfo app =
        ucwa.create(PILAR, new ApplicationRequest("UCWA Samples", "e1", "en-US")).value();
    return ucwa.makeMeAvailable(PILAR, app.id()).value();
  }

  @Test
  void aMessageFromAnMcxPhoneReachesAUcwaApplicationAsAnAcceptedConversation() throws Exception {
    ApplicationInfo pilar = pilarOnUcwa();
    ucwa.events(PILAR, pilar.id(), 1, LONG_WAIT).get(5, TimeUnit.SECONDS);
    CompletableFuture<Outcome<EventsPage, UcwaRefusal>> held =
        ucwa.events(PILAR, pilar.id(), 2, LONG_WAIT);
    SessionInfo ken =
        mcx.create(KEN, DeviceRegistration.of(DeviceType.IPHONE, "iPhoneLync")).value();

    assertThat(mcx.sendMessage(KEN, ken.id(), PILAR, "text/plain", "Hello from the phone").isOk())
        .isTrue();

    EventsPage page = held.get(5, TimeUnit.SECONDS).value();
    assertThat(page.events())
        .extracting(e -> e.getClass().getSimpleName())
        .containsExactly(
            "InvitationStarted",
            "ConversationAdded",
            "MessagingUpdated",
            "InvitationCompleted",
            "MessageReceived");
    UcwaEvent.MessageReceived received = (UcwaEvent.MessageReceived) page.events().get(4);
    assertThat(received.message().from()).isEqualTo(KEN);
    assertThat(received.message().text()).isEqualTo("Hello from the phone");
  }

  @Test
  void aMessageFromAUcwaApplicationReachesAnMcxPhone() throws Exception {
    SessionInfo ken =
        mcx.create(KEN, DeviceRegistration.of(DeviceType.ANDROID, "AndroidLync")).value();
    CompletableFuture<Outcome<EventBatch, McxRefusal>> poll =
        mcx.getEvents(KEN, ken.id(), 0, LONG_WAIT);
    ApplicationInfo pilar = pilarOnUcwa();
    MessagingInvitation invitation =
        ucwa.startMessaging(PILAR, pilar.id(), KEN, "op", "ctx", "").value();

    Outcome<String, UcwaRefusal> sent =
        ucwa.sendMessage(PILAR, pilar.id(), invitation.conversationId(), "text/html", "<p>Hi</p>");

    assertThat(invitation.succeeded()).isTrue();
    assertThat(sent.isOk()).isTrue();
    EventBatch batch = poll.get(5, TimeUnit.SECONDS).value();
    assertThat(batch.events())
        .filteredOn(McxEvent.MessageReceived.class::isInstance)
        .singleElement()
        .satisfies(
            e -> {
              McxEvent.MessageReceived m = (McxEvent.MessageReceived) e;
              assertThat(m.message().from()).isEqualTo(PILAR);
              assertThat(m.message().contentType()).isEqualTo("text/html");
              assertThat(m.message().id()).isEqualTo(sent.value());
            });
  }

  @Test
  void aRepliedMessageStaysInTheSameUcwaConversation() throws Exception {
    ApplicationInfo pilar = pilarOnUcwa();
    SessionInfo ken =
        mcx.create(KEN, DeviceRegistration.of(DeviceType.IPHONE, "iPhoneLync")).value();
    mcx.sendMessage(KEN, ken.id(), PILAR, "text/plain", "one");
    mcx.sendMessage(KEN, ken.id(), PILAR, "text/plain", "two");

    EventsPage page = ucwa.events(PILAR, pilar.id(), 1, LONG_WAIT).get(5, TimeUnit.SECONDS).value();

    assertThat(page.events())
        .filteredOn(UcwaEvent.MessageReceived.class::isInstance)
        .extracting(e -> ((UcwaEvent.MessageReceived) e).conversationId())
        .hasSize(2)
        .containsOnly(
            ((UcwaEvent.MessageReceived) page.events().get(page.events().size() - 1))
                .conversationId());
    assertThat(page.events()).filteredOn(UcwaEvent.InvitationStarted.class::isInstance).hasSize(1);
  }
}
