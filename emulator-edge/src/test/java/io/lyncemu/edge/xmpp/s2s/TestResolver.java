package io.lyncemu.edge.xmpp.s2s;

import io.lyncemu.core.dns.NameResolver;
import io.lyncemu.core.dns.SrvTarget;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A resolver for tests: SRV records as set, and every host it knows at 127.0.0.1. */
final class TestResolver implements NameResolver {
  private final Map<String, List<SrvTarget>> srv = new ConcurrentHashMap<>();
  private final Map<String, Boolean> hosts = new ConcurrentHashMap<>();

  /** {@code _xmpp-server._tcp.<domain>} → {@code host:port}, and host → 127.0.0.1. */
  void xmppServer(String domain, String host, int port) {
    srv.put("_xmpp-server._tcp." + domain, List.of(new SrvTarget(0, 0, host, port)));
    hosts.put(host, true);
  }

  @Override
  public List<SrvTarget> lookupSrv(String name) {
    return srv.getOrDefault(name, List.of());
  }

  @Override
  public List<InetAddress> lookupAddress(String host) {
    return hosts.containsKey(host) ? List.of(InetAddress.getLoopbackAddress()) : List.of();
  }
}
