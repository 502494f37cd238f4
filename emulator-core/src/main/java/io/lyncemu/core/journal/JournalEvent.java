package io.lyncemu.core.journal;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One recorded action. Immutable; {@code sequence} orders events totally within one journal.
 *
 * @param component the emitting part, e.g. {@code "webticket"}, {@code "mcx"}, {@code "ucwa"}
 * @param connectionId the transport connection, or empty when there is none
 * @param peer the remote address or user the action concerns, or empty
 * @param attributes small, flat facts: user, session, reason, status …
 * @param http the full exchange for {@link EventKind#HTTP_EXCHANGE} events
 */
public record JournalEvent(
    long sequence,
    Instant time,
    String component,
    EventKind kind,
    String connectionId,
    String peer,
    Map<String, String> attributes,
    Optional<HttpExchange> http) {

  public JournalEvent {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(component, "component");
    Objects.requireNonNull(kind, "kind");
    connectionId = connectionId == null ? "" : connectionId;
    peer = peer == null ? "" : peer;
    attributes = Map.copyOf(attributes);
    Objects.requireNonNull(http, "http");
  }

  public String attribute(String name) {
    return attributes.getOrDefault(name, "");
  }
}
