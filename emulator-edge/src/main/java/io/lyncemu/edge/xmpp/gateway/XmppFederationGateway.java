package io.lyncemu.edge.xmpp.gateway;

import io.lyncemu.core.federation.XmppAllowedPartner;
import io.lyncemu.core.federation.XmppPartnerType;
import io.lyncemu.core.journal.EventJournal;
import io.lyncemu.core.journal.EventKind;
import io.lyncemu.core.journal.NewEvent;
import io.lyncemu.core.routing.Availability;
import io.lyncemu.core.routing.FederationGateway;
import io.lyncemu.core.routing.InstantMessage;
import io.lyncemu.core.routing.MessageRouter;
import io.lyncemu.core.routing.RouteResult;
import io.lyncemu.core.topology.Deployment;
import io.lyncemu.core.topology.Fqdns;
import io.lyncemu.core.topology.Topology;
import io.lyncemu.core.topology.User;
import io.lyncemu.edge.xmpp.StanzaErrors;
import io.lyncemu.edge.xmpp.stream.XmlElement;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The FE XMPP Translating Gateway as a {@link FederationGateway}: serves the domains of allowed
 * XMPP partners, checks the sender's EnableXmppAccess, and refuses at once ({@code
 * FEDERATION_REFUSED}) when the 23456 link is down rather than queueing, so a client learns of a
 * broken deployment immediately. Inbound stanzas from the link become router calls; see
 * docs/xmpp-gateway-link.md for the error conditions chosen.
 */
public final class XmppFederationGateway implements FederationGateway, GatewayLink.Listener {
  /** Bounds the messages awaiting a delivery outcome; the oldest are forgotten past it. */
  static final int MAX_PENDING = 10_000;

  private final Deployment deployment;
  private final MessageRouter router;
  private final EventJournal journal;
  private final Clock clock;
  private final GatewayLink link;
  private final Map<String, InstantMessage> pending = new ConcurrentHashMap<>();

  /** "local|remote": local users who subscribed to a partner user. */
  private final Set<String> outboundSubscriptions = ConcurrentHashMap.newKeySet();

  /** "local|remote": PublicUnverified subscription requests held until the local user agrees. */
  private final Set<String> heldRequests = ConcurrentHashMap.newKeySet();

  public XmppFederationGateway(
      Deployment deployment,
      MessageRouter router,
      EventJournal journal,
      Clock clock,
      GatewayLink link) {
    this.deployment = Objects.requireNonNull(deployment, "deployment");
    this.router = Objects.requireNonNull(router, "router");
    this.journal = Objects.requireNonNull(journal, "journal");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.link = Objects.requireNonNull(link, "link");
  }

  @Override
  public String protocol() {
    return "xmpp";
  }

  @Override
  public boolean serves(String domain) {
    return deployment.current().federation().xmppPartnerFor(domain).isPresent();
  }

  @Override
  public RouteResult forward(InstantMessage message) {
    Optional<String> refusal = refusalFor(message.from());
    if (refusal.isEmpty() && !link.isUp()) {
      refusal = Optional.of("the XMPP gateway is not connected to the Edge on port 23456");
    }
    if (refusal.isPresent()) {
      record("outbound", message.from(), message.to(), "refused", refusal.get());
      return new RouteResult(RouteResult.Outcome.FEDERATION_REFUSED, 0);
    }
    if (pending.size() >= MAX_PENDING) {
      pending.clear(); // outcomes that never came; the journal already holds the forwards
    }
    pending.put(message.id(), message);
    if (!link.send(XmppTranslation.toStanza(message))) {
      pending.remove(message.id());
      record("outbound", message.from(), message.to(), "refused", "the link went down");
      return new RouteResult(RouteResult.Outcome.FEDERATION_REFUSED, 0);
    }
    record("outbound", message.from(), message.to(), "forwarded", "");
    return new RouteResult(RouteResult.Outcome.FORWARDED, 1);
  }

  @Override
  public void subscribe(String watcherUri, String targetUri) {
    String local = Fqdns.sipUri(watcherUri);
    String remote = Fqdns.sipUri(targetUri);
    if (refusalFor(local).isPresent()) {
      return;
    }
    String key = local + "|" + remote;
    outboundSubscriptions.add(key);
    link.send(XmppTranslation.subscription(local, remote, "subscribe"));
    if (heldRequests.remove(key)) {
      approve(remote, local);
    }
  }

  /** Why {@code sipUri} may not use XMPP federation, or empty when it may. */
  private Optional<String> refusalFor(String sipUri) {
    Topology topology = deployment.current();
    Optional<User> user = topology.findUser(sipUri);
    if (user.isEmpty()) {
      return Optional.of("no such user");
    }
    if (!user.get().isEnabled()) {
      return Optional.of("the user is disabled for Lync");
    }
    if (!topology.externalAccessPolicyOf(user.get()).enableXmppAccess()) {
      return Optional.of("EnableXmppAccess is False in the user's external access policy");
    }
    return Optional.empty();
  }

  @Override
  public void onLinkUp() {
    // The Edge keeps no state across a reconnect: ask partners again for what users watch.
    for (String key : outboundSubscriptions) {
      String[] pair = key.split("\\|", 2);
      link.send(XmppTranslation.subscription(pair[0], pair[1], "subscribe"));
    }
  }

  @Override
  public void onDeliveryAck(String id) {
    InstantMessage message = pending.remove(id);
    if (message != null) {
      record("outbound", message.from(), message.to(), "delivered-to-partner", "");
    }
  }

  @Override
  public void onDeliveryError(String id, String condition, String text) {
    InstantMessage message = pending.remove(id);
    if (message != null) {
      router.reportDeliveryFailure(message, condition + (text.isBlank() ? "" : ": " + text));
    }
  }

  @Override
  public void onStanza(XmlElement stanza) {
    switch (stanza.name()) {
      case "message" -> onMessage(stanza);
      case "presence" -> onPresence(stanza);
      case "iq" -> {
        String type = stanza.attribute("type").orElse("");
        if (type.equals("get") || type.equals("set")) {
          link.send(StanzaErrors.reply(stanza, "service-unavailable", null));
        }
      }
      default -> {}
    }
  }

  private void onMessage(XmlElement stanza) {
    String type = stanza.attribute("type").orElse("normal");
    if (type.equals("error")) {
      InstantMessage failed = pending.remove(stanza.attribute("id").orElse(""));
      if (failed != null) {
        router.reportDeliveryFailure(failed, StanzaErrors.conditionOf(stanza));
      }
      return;
    }
    Optional<InstantMessage> message = XmppTranslation.toInstantMessage(stanza, clock.instant());
    if (message.isEmpty()) {
      return; // chat states, headlines, groupchat: nothing Lync shows
    }
    InstantMessage im = message.get();
    Optional<String> refusal = refusalFor(im.to());
    if (refusal.isPresent()) {
      // RFC 6121 §8.5.1/§8.5.2: service-unavailable, never anything that tells a partner whether
      // the account exists; the journal keeps the real reason.
      record("inbound", im.from(), im.to(), "service-unavailable", refusal.get());
      link.send(StanzaErrors.reply(stanza, "service-unavailable", null));
      return;
    }
    RouteResult result = router.route(im);
    if (!result.delivered()) {
      // Lync keeps no offline messages: RFC 6121 §8.5.2.2.1 then answers service-unavailable.
      record("inbound", im.from(), im.to(), "service-unavailable", result.outcome().name());
      link.send(StanzaErrors.reply(stanza, "service-unavailable", null));
    }
  }

  private void onPresence(XmlElement stanza) {
    Optional<String> from = XmppTranslation.sipUriOf(stanza.attribute("from").orElse(null));
    Optional<String> to = XmppTranslation.sipUriOf(stanza.attribute("to").orElse(null));
    if (from.isEmpty() || to.isEmpty()) {
      return;
    }
    String remote = from.get();
    String local = to.get();
    String type = stanza.attribute("type").orElse("");
    switch (type) {
      case "subscribe" -> onSubscribe(remote, local);
      case "unsubscribe" -> heldRequests.remove(local + "|" + remote);
      case "subscribed", "unsubscribed", "error" ->
          record("inbound", remote, local, "presence-" + type, "");
      case "probe" -> {
        if (refusalFor(local).isEmpty()) {
          link.send(XmppTranslation.toPresence(local, remote, router.presenceOf(local)));
        }
      }
      default ->
          XmppTranslation.availabilityOf(stanza)
              .ifPresent(availability -> publish(remote, local, availability));
    }
  }

  private void publish(String remote, String local, Availability availability) {
    record("inbound", remote, local, "presence", availability.wireName());
    router.publishRemotePresence(remote, availability);
  }

  /**
   * Federated and PublicVerified partners are trusted: the request is approved at once. For a
   * PublicUnverified partner Lync asks the user; the emulator approves only when the user already
   * subscribed to that partner user, and otherwise holds the request until they do.
   */
  private void onSubscribe(String remote, String local) {
    if (refusalFor(local).isPresent()) {
      // RFC 6121 §8.5.1: a subscription request to no such user may be answered unsubscribed.
      record("inbound", remote, local, "unsubscribed", refusalFor(local).get());
      link.send(XmppTranslation.subscription(local, remote, "unsubscribed"));
      return;
    }
    XmppPartnerType type =
        deployment
            .current()
            .federation()
            .xmppPartnerFor(Fqdns.domainOf(remote))
            .map(XmppAllowedPartner::partnerType)
            .orElse(XmppPartnerType.PUBLIC_UNVERIFIED);
    String key = local + "|" + remote;
    if (type != XmppPartnerType.PUBLIC_UNVERIFIED || outboundSubscriptions.contains(key)) {
      approve(remote, local);
    } else {
      heldRequests.add(key);
      record("inbound", remote, local, "subscription-held", "PublicUnverified partner");
    }
  }

  private void approve(String remote, String local) {
    link.send(XmppTranslation.subscription(local, remote, "subscribed"));
    Availability now = router.subscribe(new RemoteWatcher(remote, local, link), local);
    link.send(XmppTranslation.toPresence(local, remote, now));
    record("inbound", remote, local, "subscribed", "");
  }

  private void record(String direction, String from, String to, String outcome, String reason) {
    journal.record(
        NewEvent.of("xmpp-gateway", EventKind.XMPP_STANZA)
            .with("direction", direction)
            .with("from", from)
            .with("to", to)
            .with("outcome", outcome)
            .with("reason", reason));
  }
}
