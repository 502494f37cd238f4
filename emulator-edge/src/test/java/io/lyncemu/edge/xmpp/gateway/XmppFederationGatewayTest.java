package io.lyncemu.edge.xmpp.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.lyncemu.core.federation.ExternalAccessPolicy;
import io.lyncemu.core.federation.XmppAllowedPartner;
import io.lyncemu.core.federation.XmppPartnerType;
import io.lyncemu.core.journal.EventKind;
import io.lyncemu.core.journal.InMemoryEventJournal;
import io.lyncemu.core.journal.JournalEvent;
import io.lyncemu.core.journal.JournalQuery;
import io.lyncemu.core.routing.Availability;
import io.lyncemu.core.routing.InstantMessage;
import io.lyncemu.core.routing.MessageRouter;
import io.lyncemu.core.routing.RouteResult;
import io.lyncemu.core.topology.Deployment;
import io.lyncemu.core.topology.TopologyLoader;
import io.lyncemu.edge.testing.RecordingEndpoint;
import io.lyncemu.edge.xmpp.StanzaErrors;
import io.lyncemu.edge.xmpp.stream.XmlElement;
import io.lyncemu.edge.xmpp.stream.XmppNamespaces;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gateway's policy decisions, with the link replaced by a recorder. */
class XmppFederationGatewayTest {
  private static final String KEN = "sip:kenmyer@litwareinc.com";
  private static final String ALICE = "sip:alice@fabrikam.com";

  private final InMemoryEventJournal journal = new InMemoryEventJournal(Clock.systemUTC());
  private final Deployment deployment =
      new Deployment(new TopologyLoader().builtIn(TopologyLoader.DEFAULT), journal);
  private final MessageRouter router = new MessageRouter(deployment, journal);
  private final FakeGatewayLink link = new FakeGatewayLink();
  private final RecordingEndpoint ken = new RecordingEndpoint(KEN);
  private XmppFederationGateway gateway;

  @BeforeEach
  void setUp() {
    gateway = new XmppFederationGateway(deployment, router, journal, Clock.systemUTC(), link);
    router.addGateway(gateway);
    router.register(ken);
  }

  @Test
  void itServesTheDomainsOfAllowedXmppPartnersOnly() {
    assertThat(gateway.serves("fabrikam.com")).isTrue();
    assertThat(gateway.serves("contoso.com")).isFalse();
    assertThat(router.gatewayFor(ALICE)).contains(gateway);
  }

  @Test
  void aSenderWithoutXmppAccessIsRefusedAndTheRefusalJournaled() {
    deployment.update(
        "no XMPP",
        t ->
            t.withFederation(
                f ->
                    f.withExternalAccessPolicy(
                        "Global", p -> p.with(null, null, false, null, null, null))));

    RouteResult result = router.route(toAlice("m1"));

    assertThat(result.outcome()).isEqualTo(RouteResult.Outcome.FEDERATION_REFUSED);
    assertThat(link.sent).isEmpty();
    assertThat(gatewayEvents())
        .anySatisfy(
            e -> {
              assertThat(e.attribute("outcome")).isEqualTo("refused");
              assertThat(e.attribute("reason")).contains("EnableXmppAccess is False");
              assertThat(e.attribute("from")).isEqualTo(KEN);
            });
  }

  @Test
  void aDownLinkRefusesAtOnceInsteadOfQueueing() {
    link.up = false;

    assertThat(router.route(toAlice("m1")).outcome())
        .isEqualTo(RouteResult.Outcome.FEDERATION_REFUSED);
    assertThat(gatewayEvents())
        .anySatisfy(e -> assertThat(e.attribute("reason")).contains("23456"));
  }

  @Test
  void aPermittedMessageIsForwardedAndALaterErrorReachesTheSender() {
    RouteResult result = router.route(toAlice("m1"));

    assertThat(result.outcome()).isEqualTo(RouteResult.Outcome.FORWARDED);
    assertThat(link.sentOfType("message", "chat")).hasSize(1);

    gateway.onDeliveryError("m1", "remote-server-not-found", "");

    assertThat(ken.failures).containsExactly("remote-server-not-found");
  }

  @Test
  void anErrorStanzaForAForwardedMessageAlsoReachesTheSender() {
    router.route(toAlice("m2"));
    XmlElement sent = link.sentOfType("message", "chat").get(0);

    gateway.onStanza(StanzaErrors.reply(sent, "recipient-unavailable", null));

    assertThat(ken.failures).containsExactly("recipient-unavailable");
  }

  @Test
  void anInboundMessageReachesTheLocalUser() {
    gateway.onStanza(inboundMessage("kenmyer@litwareinc.com"));

    assertThat(ken.received).extracting(InstantMessage::text).containsExactly("hi");
    assertThat(link.sent).isEmpty();
  }

  @Test
  void anInboundMessageToAnUnknownUserGetsServiceUnavailable() {
    gateway.onStanza(inboundMessage("nobody@litwareinc.com"));

    assertServiceUnavailableTo("nobody@litwareinc.com", "no such user");
  }

  @Test
  void anInboundMessageToADisabledUserGetsServiceUnavailable() {
    deployment.update("disable ken", t -> t.withUser(KEN, u -> u.withEnabled(false)));

    gateway.onStanza(inboundMessage("kenmyer@litwareinc.com"));

    assertThat(ken.received).isEmpty();
    assertServiceUnavailableTo("kenmyer@litwareinc.com", "disabled");
  }

  @Test
  void anInboundMessageToAUserWithoutXmppAccessGetsServiceUnavailable() {
    deployment.update(
        "no XMPP for ken",
        t ->
            t.withFederation(
                    f ->
                        f.withExternalAccessPolicies(
                            concat(
                                f.externalAccessPolicies(),
                                ExternalAccessPolicy.defaults("NoXmpp"))))
                .withUser(KEN, u -> u.withExternalAccessPolicy("NoXmpp")));

    gateway.onStanza(inboundMessage("kenmyer@litwareinc.com"));

    assertThat(ken.received).isEmpty();
    assertServiceUnavailableTo("kenmyer@litwareinc.com", "EnableXmppAccess");
  }

  @Test
  void anInboundMessageToAnOfflineUserGetsServiceUnavailableBecauseLyncKeepsNoOfflineMessages() {
    gateway.onStanza(inboundMessage("aidandelaney@litwareinc.com"));

    assertServiceUnavailableTo("aidandelaney@litwareinc.com", "RECIPIENT_OFFLINE");
  }

  @Test
  void aFederatedPartnerSubscriptionIsApprovedAtOnceWithCurrentPresence() {
    router.publishPresence(KEN, Availability.BUSY);

    gateway.onStanza(subscribe("alice@fabrikam.com", "kenmyer@litwareinc.com"));

    assertThat(link.sentOfType("presence", "subscribed")).hasSize(1);
    XmlElement presence = link.sentOfType("presence", "").get(0);
    assertThat(presence.attributes()).containsEntry("to", "alice@fabrikam.com");
    assertThat(presence.child("show", XmppNamespaces.SERVER).orElseThrow().text()).isEqualTo("dnd");

    link.sent.clear();
    router.publishPresence(KEN, Availability.AWAY);

    assertThat(link.sentOfType("presence", ""))
        .singleElement()
        .satisfies(
            p ->
                assertThat(p.child("show", XmppNamespaces.SERVER).orElseThrow().text())
                    .isEqualTo("away"));
  }

  @Test
  void aPublicUnverifiedSubscriptionIsHeldUntilTheLocalUserSubscribes() {
    deployment.update(
        "fabrikam unverified",
        t ->
            t.withFederation(
                f ->
                    f.withXmppPartners(
                        f.xmppPartners().stream()
                            .map(p -> withType(p, XmppPartnerType.PUBLIC_UNVERIFIED))
                            .toList())));

    gateway.onStanza(subscribe("alice@fabrikam.com", "kenmyer@litwareinc.com"));

    assertThat(link.sentOfType("presence", "subscribed")).isEmpty();
    assertThat(gatewayEvents())
        .anySatisfy(e -> assertThat(e.attribute("outcome")).isEqualTo("subscription-held"));

    router.subscribe(ken, ALICE);

    assertThat(link.sentOfType("presence", "subscribe"))
        .singleElement()
        .satisfies(s -> assertThat(s.attributes()).containsEntry("to", "alice@fabrikam.com"));
    assertThat(link.sentOfType("presence", "subscribed"))
        .singleElement()
        .satisfies(s -> assertThat(s.attributes()).containsEntry("to", "alice@fabrikam.com"));
  }

  @Test
  void aSubscriptionToAnUnknownUserIsAnsweredUnsubscribed() {
    gateway.onStanza(subscribe("alice@fabrikam.com", "nobody@litwareinc.com"));

    assertThat(link.sentOfType("presence", "unsubscribed")).hasSize(1);
    assertThat(link.sentOfType("presence", "subscribed")).isEmpty();
  }

  @Test
  void partnerPresenceReachesLocalWatchers() {
    router.subscribe(ken, ALICE);

    gateway.onStanza(
        XmlElement.builder("presence", XmppNamespaces.SERVER)
            .attr("from", "alice@fabrikam.com/laptop")
            .attr("to", "kenmyer@litwareinc.com")
            .child(XmlElement.builder("show", XmppNamespaces.SERVER).text("xa"))
            .build());

    assertThat(ken.presence).containsEntry(ALICE, Availability.AWAY);

    gateway.onStanza(
        XmlElement.builder("presence", XmppNamespaces.SERVER)
            .attr("from", "alice@fabrikam.com/laptop")
            .attr("to", "kenmyer@litwareinc.com")
            .attr("type", "unavailable")
            .build());

    assertThat(ken.presence).containsEntry(ALICE, Availability.OFFLINE);
  }

  @Test
  void anIqRequestGetsServiceUnavailable() {
    gateway.onStanza(
        XmlElement.builder("iq", XmppNamespaces.SERVER)
            .attr("from", "alice@fabrikam.com/laptop")
            .attr("to", "kenmyer@litwareinc.com")
            .attr("type", "get")
            .attr("id", "q1")
            .child(XmlElement.empty("query", "jabber:iq:version"))
            .build());

    assertThat(link.sentOfType("iq", "error"))
        .singleElement()
        .satisfies(e -> assertThat(StanzaErrors.conditionOf(e)).isEqualTo("service-unavailable"));
  }

  private void assertServiceUnavailableTo(String localJid, String journaledReason) {
    assertThat(link.sentOfType("message", "error"))
        .singleElement()
        .satisfies(
            error -> {
              assertThat(StanzaErrors.conditionOf(error)).isEqualTo("service-unavailable");
              assertThat(error.attributes())
                  .containsEntry("from", localJid)
                  .containsEntry("to", "alice@fabrikam.com/laptop")
                  .containsEntry("id", "in-1");
            });
    assertThat(gatewayEvents())
        .anySatisfy(
            e -> {
              assertThat(e.attribute("outcome")).isEqualTo("service-unavailable");
              assertThat(e.attribute("reason")).contains(journaledReason);
            });
  }

  private List<JournalEvent> gatewayEvents() {
    return journal.query(JournalQuery.kind(EventKind.XMPP_STANZA).component("xmpp-gateway"));
  }

  private static InstantMessage toAlice(String id) {
    return new InstantMessage(id, KEN, ALICE, null, "hello", Instant.now());
  }

  private static XmlElement inboundMessage(String to) {
    return XmlElement.builder("message", XmppNamespaces.SERVER)
        .attr("from", "alice@fabrikam.com/laptop")
        .attr("to", to)
        .attr("type", "chat")
        .attr("id", "in-1")
        .child(XmlElement.builder("body", XmppNamespaces.SERVER).text("hi"))
        .build();
  }

  private static XmlElement subscribe(String from, String to) {
    return XmlElement.builder("presence", XmppNamespaces.SERVER)
        .attr("from", from)
        .attr("to", to)
        .attr("type", "subscribe")
        .build();
  }

  private static XmppAllowedPartner withType(XmppAllowedPartner p, XmppPartnerType type) {
    return new XmppAllowedPartner(
        p.identity(),
        p.additionalDomains(),
        p.connectionLimit(),
        p.description(),
        p.enableKeepAlive(),
        type,
        p.proxyFqdn(),
        p.saslNegotiation(),
        p.tlsNegotiation(),
        p.supportDialbackNegotiation());
  }

  private static <T> List<T> concat(List<T> list, T item) {
    ArrayList<T> all = new ArrayList<>(list);
    all.add(item);
    return all;
  }
}
