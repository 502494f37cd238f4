package io.lyncemu.core.routing;

import io.lyncemu.core.journal.EventJournal;
import io.lyncemu.core.journal.EventKind;
import io.lyncemu.core.journal.NewEvent;
import io.lyncemu.core.topology.Deployment;
import io.lyncemu.core.topology.Fqdns;
import io.lyncemu.core.topology.User;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Routes instant messages and presence between the endpoints of local users, and hands messages for
 * federated users to the {@link FederationGateway} that serves their domain. Delivery goes to every
 * endpoint the recipient has (a user signed in on two devices gets the message on both), as Lync's
 * forking does. Thread-safe.
 */
public final class MessageRouter {
  private final Deployment deployment;
  private final EventJournal journal;
  private final Map<String, CopyOnWriteArrayList<MessageEndpoint>> endpointsByUser =
      new ConcurrentHashMap<>();
  private final Map<String, Availability> presence = new ConcurrentHashMap<>();
  private final Map<String, Set<MessageEndpoint>> watchers = new ConcurrentHashMap<>();
  private final List<FederationGateway> gateways = new CopyOnWriteArrayList<>();

  public MessageRouter(Deployment deployment, EventJournal journal) {
    this.deployment = Objects.requireNonNull(deployment, "deployment");
    this.journal = Objects.requireNonNull(journal, "journal");
  }

  /** Registers an endpoint; closing the returned handle removes it and its subscriptions. */
  public AutoCloseable register(MessageEndpoint endpoint) {
    endpointsByUser
        .computeIfAbsent(endpoint.sipUri(), k -> new CopyOnWriteArrayList<>())
        .add(endpoint);
    return () -> unregister(endpoint);
  }

  private void unregister(MessageEndpoint endpoint) {
    List<MessageEndpoint> list = endpointsByUser.get(endpoint.sipUri());
    if (list != null) {
      list.remove(endpoint);
      if (list.isEmpty()) {
        publishPresence(endpoint.sipUri(), Availability.OFFLINE);
      }
    }
    watchers.values().forEach(set -> set.remove(endpoint));
  }

  public List<MessageEndpoint> endpointsOf(String sipUri) {
    return List.copyOf(
        endpointsByUser.getOrDefault(Fqdns.sipUri(sipUri), new CopyOnWriteArrayList<>()));
  }

  /**
   * Adds a way out to federated domains; closing the handle removes it. Gateways are asked in the
   * order they were added, so the XMPP gateway (which serves only XMPP partners) goes before the
   * Access Edge (which serves every other domain).
   */
  public AutoCloseable addGateway(FederationGateway gateway) {
    gateways.add(Objects.requireNonNull(gateway, "gateway"));
    return () -> gateways.remove(gateway);
  }

  /** The gateway that serves {@code sipUri}'s domain, or empty for local or unreachable users. */
  public Optional<FederationGateway> gatewayFor(String sipUri) {
    String domain = Fqdns.domainOf(Fqdns.sipUri(sipUri));
    if (deployment.current().isLocalDomain(domain)) {
      return Optional.empty();
    }
    return gateways.stream().filter(g -> g.serves(domain)).findFirst();
  }

  /**
   * Tells the local watchers of a federated user ({@code sip:alice@fabrikam.com}) that their
   * availability changed. Gateways call this when a partner sends presence.
   */
  public void publishRemotePresence(String sipUri, Availability availability) {
    publishPresence(sipUri, availability);
  }

  /** The endpoint that sent {@code message} learns it could not reach the federated recipient. */
  public void reportDeliveryFailure(InstantMessage message, String reason) {
    journal.record(
        NewEvent.of("router", EventKind.IM_REJECTED)
            .with("message", message.id())
            .with("from", message.from())
            .with("to", message.to())
            .with("outcome", "DELIVERY_FAILED")
            .with("reason", reason));
    endpointsOf(message.from()).forEach(e -> e.deliveryFailed(message, reason));
  }

  public RouteResult route(InstantMessage message) {
    String to = Fqdns.sipUri(message.to());
    Optional<FederationGateway> gateway = gatewayFor(to);
    if (gateway.isPresent()) {
      RouteResult forwarded = gateway.get().forward(message);
      journal.record(
          NewEvent.of(
                  "router", forwarded.delivered() ? EventKind.IM_FORWARDED : EventKind.IM_REJECTED)
              .with("message", message.id())
              .with("from", message.from())
              .with("to", to)
              .with("gateway", gateway.get().protocol())
              .with("outcome", forwarded.outcome()));
      return forwarded;
    }
    Optional<User> recipient = deployment.current().findUser(to);
    RouteResult result;
    if (recipient.isEmpty()) {
      result = new RouteResult(RouteResult.Outcome.UNKNOWN_RECIPIENT, 0);
    } else if (!recipient.get().isEnabled()) {
      result = new RouteResult(RouteResult.Outcome.RECIPIENT_DISABLED, 0);
    } else {
      List<MessageEndpoint> targets = endpointsOf(to);
      targets.forEach(endpoint -> endpoint.deliver(message));
      result =
          targets.isEmpty()
              ? new RouteResult(RouteResult.Outcome.RECIPIENT_OFFLINE, 0)
              : new RouteResult(RouteResult.Outcome.DELIVERED, targets.size());
    }
    journal.record(
        NewEvent.of("router", result.delivered() ? EventKind.IM_DELIVERED : EventKind.IM_REJECTED)
            .with("message", message.id())
            .with("from", message.from())
            .with("to", to)
            .with("outcome", result.outcome())
            .with("endpoints", result.endpoints()));
    return result;
  }

  public void publishPresence(String sipUri, Availability availability) {
    String uri = Fqdns.sipUri(sipUri);
    presence.put(uri, availability);
    journal.record(
        NewEvent.of("router", EventKind.PRESENCE_PUBLISHED)
            .with("user", uri)
            .with("availability", availability.wireName()));
    watchers.getOrDefault(uri, Set.of()).forEach(w -> w.presenceChanged(uri, availability));
  }

  public Availability presenceOf(String sipUri) {
    return presence.getOrDefault(Fqdns.sipUri(sipUri), Availability.OFFLINE);
  }

  /**
   * Subscribes {@code watcher} to {@code target}'s presence and returns the current availability.
   */
  public Availability subscribe(MessageEndpoint watcher, String target) {
    String uri = Fqdns.sipUri(target);
    watchers.computeIfAbsent(uri, k -> ConcurrentHashMap.newKeySet()).add(watcher);
    gatewayFor(uri).ifPresent(g -> g.subscribe(watcher.sipUri(), uri));
    return presenceOf(uri);
  }
}
