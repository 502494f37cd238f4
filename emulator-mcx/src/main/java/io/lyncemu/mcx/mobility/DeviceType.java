package io.lyncemu.mcx.mobility;

import java.util.Optional;

/**
 * The device kinds a Lync 2010 Mobile session can declare. The push-capable ones (Apple devices
 * over APNS, Windows Phone over MPNS) keep their session for {@code SessionExpirationInterval}; the
 * others for {@code SessionShortExpirationInterval}, because without push they poll anyway.
 */
public enum DeviceType {
  IPHONE("iPhone", true),
  IPAD("iPad", true),
  WINDOWS_PHONE("WindowsPhone", true),
  ANDROID("Android", false),
  NOKIA("Nokia", false);

  private final String wireName;
  private final boolean pushCapable;

  DeviceType(String wireName, boolean pushCapable) {
    this.wireName = wireName;
    this.pushCapable = pushCapable;
  }

  /** The name used in the {@code deviceType} attribute and in the journal. */
  public String wireName() {
    return wireName;
  }

  /** Whether the long session lifetime ({@code SessionExpirationInterval}) applies. */
  public boolean pushCapable() {
    return pushCapable;
  }

  /** Exact, case-sensitive match on the wire name, as the message set defines it. */
  public static Optional<DeviceType> fromWireName(String name) {
    for (DeviceType type : values()) {
      if (type.wireName.equals(name)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
