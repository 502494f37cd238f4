package io.lyncemu.app;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Which port each listener binds. {@link #defaults()} are the product's documented ports; {@link
 * #ephemeral()} binds every listener, including ones added by later modules, to port 0 so that
 * parallel runs and tests never collide. Immutable; copy with {@link #withPort}.
 *
 * @param bindHost the address every listener binds, {@code 127.0.0.1} by default
 * @param ports explicit ports by listener name
 * @param allEphemeral when true, a listener missing from {@code ports} binds port 0 instead of its
 *     well-known port
 */
public record PortPlan(String bindHost, Map<String, Integer> ports, boolean allEphemeral) {
  public static final String LOOPBACK = "127.0.0.1";
  public static final String ADMIN = "admin";
  public static final String WEB_HTTPS = "web-https";
  public static final String WEB_HTTP = "web-http";
  public static final String DNS = "dns";
  public static final int ADMIN_PORT = 8090;
  public static final int WEB_HTTPS_PORT = 4443;
  public static final int WEB_HTTP_PORT = 8080;

  /** Not 53 (needs root) and not 5353 (multicast DNS, often held by Avahi or mDNSResponder). */
  public static final int DNS_PORT = 8053;

  public PortPlan {
    Objects.requireNonNull(bindHost, "bindHost");
    ports.forEach(
        (listener, port) -> {
          Objects.requireNonNull(listener, "listener");
          if (port == null || port < 0 || port > 65_535) {
            throw new IllegalArgumentException(
                "port for listener '" + listener + "' must be 0..65535, not " + port);
          }
        });
    ports = Map.copyOf(ports);
  }

  /**
   * Admin 8090, web-https 4443, web-http 8080, dns 8053, and each later listener's well-known port.
   */
  public static PortPlan defaults() {
    return new PortPlan(
        LOOPBACK,
        Map.of(
            ADMIN, ADMIN_PORT, WEB_HTTPS, WEB_HTTPS_PORT, WEB_HTTP, WEB_HTTP_PORT, DNS, DNS_PORT),
        false);
  }

  /** Every listener on port 0; read the real ports back with {@code endpoints()}. */
  public static PortPlan ephemeral() {
    return new PortPlan(LOOPBACK, Map.of(), true);
  }

  public PortPlan withPort(String listener, int port) {
    Map<String, Integer> copy = new LinkedHashMap<>(ports);
    copy.put(Objects.requireNonNull(listener, "listener"), port);
    return new PortPlan(bindHost, copy, allEphemeral);
  }

  public PortPlan withBindHost(String host) {
    return new PortPlan(host, ports, allEphemeral);
  }

  /** The port {@code listener} binds: explicit, else 0 when ephemeral, else {@code wellKnown}. */
  public int portFor(String listener, int wellKnown) {
    Integer explicit = ports.get(listener);
    if (explicit != null) {
      return explicit;
    }
    return allEphemeral ? 0 : wellKnown;
  }
}
