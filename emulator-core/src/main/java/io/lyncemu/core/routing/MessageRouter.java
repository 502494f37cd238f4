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
 * Routes instant messages and presence between the endpoints of local users. Delivery goes to every
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

  public RouteResult route(InstantMessage message) {
    String to = Fqdns.sipUri(message.to());
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
    return presenceOf(uri);
  }
}
