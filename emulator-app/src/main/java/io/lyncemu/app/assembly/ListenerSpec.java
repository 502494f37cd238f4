package io.lyncemu.app.assembly;

import java.util.Objects;

/**
 * A listener a module promises to bind: its stable name (the key in {@code endpoints()}), its
 * well-known port and the URL scheme clients use to reach it.
 */
public record ListenerSpec(String name, int wellKnownPort, String scheme) {
  public ListenerSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(scheme, "scheme");
  }
}
