package io.lyncemu.mcx.mobility;

import java.util.Objects;
import java.util.Optional;

/**
 * Where to push notifications for a session: the service ({@code APNS} for Apple devices, {@code
 * MPNS} for Windows Phone) and the device token the app registered with it. Kept with the session
 * so that the push path can notify a device whose app is in the background.
 */
public record PushRegistration(Service service, String token) {

  /** The push services Lync 2010 Mobile devices register with. */
  public enum Service {
    APNS,
    MPNS;

    /** Exact match on the wire name ({@code APNS} or {@code MPNS}). */
    public static Optional<Service> fromWireName(String name) {
      for (Service service : values()) {
        if (service.name().equals(name)) {
          return Optional.of(service);
        }
      }
      return Optional.empty();
    }
  }

  public PushRegistration {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(token, "token");
    if (token.isBlank()) {
      throw new IllegalArgumentException("a push registration needs a device token");
    }
  }
}
