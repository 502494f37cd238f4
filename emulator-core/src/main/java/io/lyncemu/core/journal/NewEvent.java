package io.lyncemu.core.journal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An event about to be recorded: the journal adds the sequence number and the time. Built with
 * {@link #of(String, EventKind)} and the {@code with*} copies.
 */
public record NewEvent(
    String component,
    EventKind kind,
    String connectionId,
    String peer,
    Map<String, String> attributes,
    Optional<HttpExchange> http) {

  public NewEvent {
    Objects.requireNonNull(component, "component");
    Objects.requireNonNull(kind, "kind");
    connectionId = connectionId == null ? "" : connectionId;
    peer = peer == null ? "" : peer;
    attributes = Map.copyOf(attributes);
    Objects.requireNonNull(http, "http");
  }

  public static NewEvent of(String component, EventKind kind) {
    return new NewEvent(component, kind, "", "", Map.of(), Optional.empty());
  }

  public NewEvent with(String attribute, Object value) {
    Map<String, String> copy = new LinkedHashMap<>(attributes);
    copy.put(attribute, String.valueOf(value));
    return new NewEvent(component, kind, connectionId, peer, copy, http);
  }

  public NewEvent withConnection(String id) {
    return new NewEvent(component, kind, id, peer, attributes, http);
  }

  public NewEvent withPeer(String remote) {
    return new NewEvent(component, kind, connectionId, remote, attributes, http);
  }

  public NewEvent withHttp(HttpExchange exchange) {
    return new NewEvent(component, kind, connectionId, peer, attributes, Optional.of(exchange));
  }
}
