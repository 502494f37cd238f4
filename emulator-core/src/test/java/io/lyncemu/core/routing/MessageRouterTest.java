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

  /** A gateway that serves one domain and records what it was given. */
  private static final class FakeGateway implements FederationGateway {
    private final String domain;
    private final RouteResult answer;
    final List<InstantMessage> forwarded = new ArrayList<>();
    final List<String> subscriptions = new ArrayList<>();

    FakeGateway(String domain, RouteResult.Outcome answer) {
      this.domain = domain;
      this.answer = new RouteResult(answer, 0);
    }

    @Override
    public String protocol() {
      return "fake-" + domain;
    }

    @Override
    public boolean serves(String d) {
      return domain.equals("*") || domain.equals(d);
    }

    @Override
    public RouteResult forward(InstantMessage message) {
      forwarded.add(message);
      return answer;
    }

    @Override
    public void subscribe(String watcherUri, String targetUri) {
      subscriptions.add(watcherUri + "->" + targetUri);
    }
  }

  @Test
  void federatedRecipientsGoToTheFirstGatewayThatServesTheirDomain() throws Exception {
    FakeGateway xmpp = new FakeGateway("fabrikam.com", RouteResult.Outcome.FORWARDED);
    FakeGateway sip = new FakeGateway("*", RouteResult.Outcome.FEDERATION_REFUSED);
    router.addGateway(xmpp);
    router.addGateway(sip);

    assertThat(router.route(to("sip:alice@fabrikam.com")).outcome())
        .isEqualTo(RouteResult.Outcome.FORWARDED);
    assertThat(router.route(to("sip:bob@contoso.com")).outcome())
        .isEqualTo(RouteResult.Outcome.FEDERATION_REFUSED);
    assertThat(xmpp.forwarded)
        .extracting(InstantMessage::to)
        .containsExactly("sip:alice@fabrikam.com");
    assertThat(sip.forwarded).extracting(InstantMessage::to).containsExactly("sip:bob@contoso.com");
    // Local users never leave through a gateway, even when one serves every domain.
    assertThat(router.route(to("sip:packerman@litwareinc.com")).outcome())
        .isEqualTo(RouteResult.Outcome.RECIPIENT_OFFLINE);
  }

  @Test
  void closingTheGatewayHandleTakesItOutOfRouting() throws Exception {
    FakeGateway xmpp = new FakeGateway("fabrikam.com", RouteResult.Outcome.FORWARDED);
    AutoCloseable handle = router.addGateway(xmpp);
    handle.close();

    assertThat(router.route(to("sip:alice@fabrikam.com")).outcome())
        .isEqualTo(RouteResult.Outcome.UNKNOWN_RECIPIENT);
  }

  @Test
  void subscribingToAFederatedUserAsksTheGatewayAndRemotePresenceReachesTheWatcher() {
    FakeGateway xmpp = new FakeGateway("fabrikam.com", RouteResult.Outcome.FORWARDED);
    router.addGateway(xmpp);
    Inbox ken = new Inbox("sip:kenmyer@litwareinc.com", "k");

    router.subscribe(ken, "sip:alice@fabrikam.com");
    router.publishRemotePresence("sip:alice@fabrikam.com", Availability.ONLINE);

    assertThat(xmpp.subscriptions)
        .containsExactly("sip:kenmyer@litwareinc.com->sip:alice@fabrikam.com");
    assertThat(ken.presence())
        .containsExactly("sip:alice@fabrikam.com=" + Availability.ONLINE.wireName());
  }

  @Test
  void aDeliveryFailureReachesTheSendersEndpoints() {
    List<String> failures = new ArrayList<>();
    MessageEndpoint sender =
        new MessageEndpoint() {
          @Override
          public String sipUri() {
            return "sip:kenmyer@litwareinc.com";
          }

          @Override
          public String endpointId() {
            return "k2";
          }

          @Override
          public String protocol() {
            return "test";
          }

          @Override
          public void deliver(InstantMessage message) {}

          @Override
          public void deliveryFailed(InstantMessage message, String reason) {
            failures.add(message.id() + ":" + reason);
          }
        };
    router.register(sender);

    router.reportDeliveryFailure(to("sip:alice@fabrikam.com"), "remote-server-not-found");

    assertThat(failures).containsExactly("m1:remote-server-not-found");
  }
}
