package io.lyncemu.mcx.ucwa;

import java.time.Instant;
import java.util.Objects;

/**
 * A snapshot of one UCWA application: who owns it, what created it, the key of its event channel,
 * and whether {@code makeMeAvailable} has been called (which adds links to {@code me}).
 */
public record ApplicationInfo(
    String id,
    String sipUri,
    String displayName,
    ApplicationRequest request,
    String eventsKey,
    Instant created,
    boolean available) {

  public ApplicationInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(sipUri, "sipUri");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(eventsKey, "eventsKey");
    Objects.requireNonNull(created, "created");
  }
}
