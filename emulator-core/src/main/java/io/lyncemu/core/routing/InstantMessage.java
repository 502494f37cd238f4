package io.lyncemu.core.routing;

import java.time.Instant;
import java.util.Objects;

/**
 * One instant message between two SIP addresses. {@code contentType} is {@code text/plain} or
 * {@code text/html}.
 */
public record InstantMessage(
    String id, String from, String to, String contentType, String text, Instant sent) {
  public InstantMessage {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    contentType = contentType == null || contentType.isBlank() ? "text/plain" : contentType;
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(sent, "sent");
  }
}
