package io.lyncemu.edge.sip;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which partner edges the Access Edge dials over plain TCP instead of TLS. Lync federation is
 * always MTLS; this exists so that a SIPp partner (no TLS in Debian's build) can play a federated
 * edge. Empty by default; thread-safe.
 */
public final class PartnerTransports {
  private final Set<String> tcpHosts = ConcurrentHashMap.newKeySet();

  /** Dial {@code host} (a ProxyFqdn or SRV target) over TCP; closing the handle undoes it. */
  public AutoCloseable useTcp(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    tcpHosts.add(h);
    return () -> tcpHosts.remove(h);
  }

  /** Dial {@code host} over TLS again (the default); a host that was not switched is ignored. */
  public void useTls(String host) {
    tcpHosts.remove(host.toLowerCase(Locale.ROOT));
  }

  /** The hosts dialled over TCP, lower case and sorted. */
  public List<String> tcpHosts() {
    return tcpHosts.stream().sorted().toList();
  }

  /** {@code tls} or {@code tcp}, as JAIN-SIP names transports. */
  public String transportFor(String host) {
    return tcpHosts.contains(host.toLowerCase(Locale.ROOT)) ? "tcp" : "tls";
  }
}
