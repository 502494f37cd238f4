package io.lyncemu.synthetic;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a Lync host name really is. A real deployment answers with DNS and the HTTPS port 443; the
 * emulator answers its own names with 127.0.0.1 and the port its web listener actually bound.
 */
@FunctionalInterface
public interface HostResolver {
  /** The HTTPS port of the Lync external and internal web services. */
  int HTTPS_PORT = 443;

  /**
   * @throws UnknownHostException when the name does not resolve
   */
  InetSocketAddress resolve(String host) throws UnknownHostException;

  /** Normal DNS and port 443. */
  static HostResolver system() {
    return host -> new InetSocketAddress(InetAddress.getByName(host), HTTPS_PORT);
  }

  /**
   * The emulator's names (case-insensitive) go to {@code address}; any other name goes to normal
   * DNS and port 443, so the cmdlet can still test a real pool.
   */
  static HostResolver emulated(Collection<String> names, InetSocketAddress address) {
    Objects.requireNonNull(address, "address");
    Set<String> known =
        names.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    HostResolver dns = system();
    return host -> known.contains(host.toLowerCase(Locale.ROOT)) ? address : dns.resolve(host);
  }
}
