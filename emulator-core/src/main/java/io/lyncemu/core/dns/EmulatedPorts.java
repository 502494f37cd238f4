package io.lyncemu.core.dns;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the well-known port of an emulated host really is. DNS records say what Lync's would
 * ({@code sip.litwareinc.com:5269}); the emulator may have bound 15269 or an ephemeral port, so the
 * DNS server and the emulator's resolver answer SRV look-ups with the bound port. A listener
 * registers its mapping when it binds and removes it when it stops. Thread-safe.
 */
public final class EmulatedPorts {
  private final Map<String, Integer> bound = new ConcurrentHashMap<>();

  /** Records that {@code host:wellKnownPort} is served on {@code actualPort}. */
  public AutoCloseable register(String host, int wellKnownPort, int actualPort) {
    String key = key(host, wellKnownPort);
    bound.put(key, actualPort);
    return () -> bound.remove(key, actualPort);
  }

  /** The bound port, or empty when no listener serves {@code host:wellKnownPort} right now. */
  public Optional<Integer> actual(String host, int wellKnownPort) {
    return Optional.ofNullable(bound.get(key(host, wellKnownPort)));
  }

  /** Every port bound right now for {@code wellKnownPort}, whatever the host. */
  public Set<Integer> boundFor(int wellKnownPort) {
    String suffix = ":" + wellKnownPort;
    Set<Integer> ports = new TreeSet<>();
    bound.forEach(
        (key, port) -> {
          if (key.endsWith(suffix)) {
            ports.add(port);
          }
        });
    return ports;
  }

  /** The bound port if known, else the well-known port itself. */
  public int resolve(String host, int wellKnownPort) {
    return actual(host, wellKnownPort).orElse(wellKnownPort);
  }

  private static String key(String host, int port) {
    return DnsRecord.name(host.toLowerCase(Locale.ROOT)) + ":" + port;
  }
}
