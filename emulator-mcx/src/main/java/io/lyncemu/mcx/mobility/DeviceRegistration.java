package io.lyncemu.mcx.mobility;

import java.util.Objects;
import java.util.Optional;

/**
 * What a device declares when it opens a session: its type, its user agent, an optional push
 * registration, and whether the app is in the background (a backgrounded app is reached by push
 * rather than by its long poll).
 */
public record DeviceRegistration(
    DeviceType deviceType, String userAgent, Optional<PushRegistration> push, boolean background) {

  public DeviceRegistration {
    Objects.requireNonNull(deviceType, "deviceType");
    Objects.requireNonNull(userAgent, "userAgent");
    Objects.requireNonNull(push, "push");
  }

  public static DeviceRegistration of(DeviceType deviceType, String userAgent) {
    return new DeviceRegistration(deviceType, userAgent, Optional.empty(), false);
  }

  public DeviceRegistration withBackground(boolean value) {
    return new DeviceRegistration(deviceType, userAgent, push, value);
  }

  public DeviceRegistration withPush(PushRegistration value) {
    return new DeviceRegistration(deviceType, userAgent, Optional.of(value), background);
  }
}
