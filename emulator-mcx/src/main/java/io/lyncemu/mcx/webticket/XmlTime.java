package io.lyncemu.mcx.webticket;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The one dateTime shape this service writes: UTC, milliseconds, {@code Z}. Stateless. */
final class XmlTime {
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private XmlTime() {}

  static String format(Instant instant) {
    return FORMAT.format(instant);
  }
}
