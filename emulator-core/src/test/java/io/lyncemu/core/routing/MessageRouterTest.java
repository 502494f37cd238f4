package io.lyncemu.core.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.lyncemu.core.journal.InMemoryEventJournal;
import io.lyncemu.core.time.EmulatorClock;
import io.lyncemu.core.topology.Deployment;
import io.lyncemu.core.topology.TopologyLoader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageRouterTest {
  private final EmulatorClock clock = EmulatorClock.fixed(Instant.parse("2026-11-23T10:00:00Z"));
  private final InMemoryEventJournal journal = new InMemoryEventJournal(clock);
  private final Deployment deployment =
      new Deployment(new TopologyLoader().builtIn("litwareinc"), journal);
  private final MessageRouter router = new MessageRouter(deployment, journal);

  private record Inbox(
      String sipUri, String endpointId, List<InstantMessage> messages, List<String> presence)
      implements MessageEndpoint {
    Inbox(String sipUri, String id) {
      this(sipUri, id, new ArrayList<>(), new ArrayList<>());
    }

    @Override
    public String protocol() {
      return "test";
    }

    @Override
    public void deliver(InstantMessage message) {
      messages.add(message);
    }

    @Override
    public void presenceChanged(String who, Availability availability) {
      presence.add(who + "=" + availability.wireName());
    }
  }

  private InstantMessage to(String recipient) {
    return new InstantMessage(
        "m1", "sip:kenmyer@litwareinc.com", recipient, null, "hello", clock.instant());
  }

  @Test
  void deliversToEveryEndpointOfTheRecipient() throws Exception {
    Inbox phone = new Inbox("sip:packerman@litwareinc.com", "a");
    Inbox tablet = new Inbox("sip:packerman@litwareinc.com", "b");
    router.register(phone);
    router.register(tablet);

    RouteResult result = router.route(to("sip:PAckerman@litwareinc.com"));

    assertThat(result).isEqualTo(new RouteResult(RouteResult.Outcome.DELIVERED, 2));
    assertThat(phone.messages()).extracting(InstantMessage::text).containsExactly("hello");
    assertThat(tablet.messages()).hasSize(1);
  }

  @Test
  void reportsOfflineUnknownAndDisabledRecipients() {
    assertThat(router.route(to("sip:packerman@litwareinc.com")).outcome())
        .isEqualTo(RouteResult.Outcome.RECIPIENT_OFFLINE);
    assertThat(router.route(to("sip:nobody@litwareinc.com")).outcome())
        .isEqualTo(RouteResult.Outcome.UNKNOWN_RECIPIENT);
    deployment.update(
        "disable", t -> t.withUser("sip:packerman@litwareinc.com", u -> u.withEnabled(false)));
    assertThat(router.route(to("sip:packerman@litwareinc.com")).outcome())
        .isEqualTo(RouteResult.Outcome.RECIPIENT_DISABLED);
  }

  @Test
  void presenceReachesSubscribersAndGoesOfflineWhenTheLastEndpointLeaves() throws Exception {
    Inbox ken = new Inbox("sip:kenmyer@litwareinc.com", "k");
    router.register(ken);
    AutoCloseable pilar = router.register(new Inbox("sip:packerman@litwareinc.com", "p"));
    assertThat(router.subscribe(ken, "sip:packerman@litwareinc.com"))
        .isEqualTo(Availability.OFFLINE);

    router.publishPresence("sip:packerman@litwareinc.com", Availability.BUSY);
    pilar.close();

    assertThat(ken.presence())
        .containsExactly(
            "sip:packerman@litwareinc.com=Busy", "sip:packerman@litwareinc.com=Offline");
  }
}
