package io.lyncemu.core.routing;

import java.util.Locale;

/** A user's published availability, with the names UCWA uses on the wire. */
public enum Availability {
  ONLINE("Online"),
  BUSY("Busy"),
  DO_NOT_DISTURB("DoNotDisturb"),
  BE_RIGHT_BACK("BeRightBack"),
  AWAY("Away"),
  OFFLINE("Offline");

  private final String wireName;

  Availability(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Availability parse(String text) {
    String t = text.trim().replace(" ", "").replace("_", "").toLowerCase(Locale.ROOT);
    for (Availability a : values()) {
      if (a.wireName.toLowerCase(Locale.ROOT).equals(t)) {
        return a;
      }
    }
    throw new IllegalArgumentException(
        "unknown availability '"
            + text
            + "'; use Online, Busy, DoNotDisturb, BeRightBack, Away or Offline");
  }
}
