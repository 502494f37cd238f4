package io.lyncemu.mcx.mobility;

import io.lyncemu.core.routing.Availability;
import java.util.Objects;

/** A contact's availability as a presence subscription reports it. */
public record ContactPresence(String uri, Availability availability) {
  public ContactPresence {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(availability, "availability");
  }
}
