package io.lyncemu.mcx.autodiscover;

import java.util.Locale;

/**
 * Whether the client reached autodiscover from inside ({@code lyncdiscoverinternal.<domain>}) or
 * outside ({@code lyncdiscover.<domain>}); the {@code AccessLocation} attribute.
 */
public enum AccessLocation {
  INTERNAL("Internal"),
  EXTERNAL("External");

  private final String wireName;

  AccessLocation(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /**
   * Internal for {@code lyncdiscoverinternal.*} and for a pool's internal web FQDN when it differs
   * from the external one; External for everything else, as a reverse proxy would see it.
   */
  public static AccessLocation forHost(
      String host, String internalWebFqdn, String externalWebFqdn) {
    String name = host.toLowerCase(Locale.ROOT);
    if (name.startsWith("lyncdiscoverinternal.")) {
      return INTERNAL;
    }
    if (name.equals(internalWebFqdn) && !internalWebFqdn.equals(externalWebFqdn)) {
      return INTERNAL;
    }
    return EXTERNAL;
  }
}
