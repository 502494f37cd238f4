package io.lyncemu.mcx.autodiscover;

import io.lyncemu.core.topology.Pool;
import io.lyncemu.core.topology.Topology;
import java.util.Locale;
import java.util.Objects;

/**
 * The URL bases ({@code scheme://host[:port]}) that autodiscover links are built on, derived from
 * the request so that the links can be followed from where the client stands: the scheme and port
 * are always the ones the client used; the host is the pool's internal or external web FQDN when
 * the client addressed an emulated host name, and the client's own host otherwise (an IP address or
 * {@code localhost}, as in tests on port 0), where every link then points back at it.
 */
public record WebBases(String internal, String external, String self, AccessLocation location) {

  public WebBases {
    Objects.requireNonNull(internal, "internal");
    Objects.requireNonNull(external, "external");
    Objects.requireNonNull(self, "self");
    Objects.requireNonNull(location, "location");
  }

  /**
   * @param scheme {@code http} or {@code https}
   * @param hostHeader the {@code Host} header as sent, with or without a port
   */
  public static WebBases forRequest(
      Topology topology, Pool pool, String scheme, String hostHeader) {
    Objects.requireNonNull(topology, "topology");
    Objects.requireNonNull(pool, "pool");
    String authority = hostHeader == null || hostHeader.isBlank() ? pool.fqdn() : hostHeader.trim();
    String host = hostOf(authority).toLowerCase(Locale.ROOT);
    String port = authority.substring(hostOf(authority).length());
    String prefix = scheme.toLowerCase(Locale.ROOT) + "://";
    AccessLocation location =
        AccessLocation.forHost(host, pool.internalWebFqdn(), pool.externalWebFqdn());
    if (!topology.hostNames().contains(host)) {
      String self = prefix + authority;
      return new WebBases(self, self, self, location);
    }
    return new WebBases(
        prefix + pool.internalWebFqdn() + port,
        prefix + pool.externalWebFqdn() + port,
        prefix + authority,
        location);
  }

  /** As {@link #forRequest(Topology, Pool, String, String)}, from the parts of the request URL. */
  public static WebBases forRequest(
      Topology topology, Pool pool, String scheme, String host, int port) {
    boolean defaultPort =
        (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
    return forRequest(topology, pool, scheme, defaultPort || port <= 0 ? host : host + ":" + port);
  }

  /**
   * The base for the side the client is on (used by the unqualified {@code Ucwa}/{@code XFrame}).
   */
  public String local() {
    return location == AccessLocation.INTERNAL ? internal : external;
  }

  private static String hostOf(String authority) {
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      return close < 0 ? authority : authority.substring(0, close + 1);
    }
    int colon = authority.lastIndexOf(':');
    return colon < 0 ? authority : authority.substring(0, colon);
  }
}
