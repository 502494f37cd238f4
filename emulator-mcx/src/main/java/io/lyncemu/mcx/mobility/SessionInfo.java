package io.lyncemu.mcx.mobility;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A snapshot of one MCX session, taken when it was created or last touched. {@code expires} and
 * {@code expirationInterval} reflect the MCX configuration in force at that moment; the registry
 * re-reads the configuration at every check, so a later Set-CsMcxConfiguration can move them.
 */
public record SessionInfo(
    String id,
    String sipUri,
    DeviceRegistration device,
    Instant created,
    Instant lastRequest,
    Duration expirationInterval) {

  public SessionInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(sipUri, "sipUri");
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(lastRequest, "lastRequest");
    Objects.requireNonNull(expirationInterval, "expirationInterval");
  }

  /** When the session expires unless another request arrives first. */
  public Instant expires() {
    return lastRequest.plus(expirationInterval);
  }
}
