package io.lyncemu.edge.xmpp.s2s;

import io.lyncemu.core.dns.EmulatedPorts;
import io.lyncemu.core.dns.NameResolver;
import io.lyncemu.core.dns.SrvTarget;
import io.lyncemu.core.federation.XmppAllowedPartner;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where a partner's s2s server is, in the order to try: the partner's ProxyFqdn when set (Lync's
 * static route, port 5269), else {@code _xmpp-server._tcp.<domain>} SRV targets by priority
 * (weights are ignored: the emulator has no load to spread), else the domain's own address on 5269
 * (RFC 6120 §3.2.2 fallback). Blocking: call it off the event loop.
 */
final class PartnerAddresses {
  private final NameResolver resolver;
  private final EmulatedPorts ports;

  PartnerAddresses(NameResolver resolver, EmulatedPorts ports) {
    this.resolver = resolver;
    this.ports = ports;
  }

  List<InetSocketAddress> resolve(String domain, XmppAllowedPartner partner) {
    List<InetSocketAddress> out = new ArrayList<>();
    if (partner != null && !partner.proxyFqdn().isBlank()) {
      hosts(partner.proxyFqdn(), ports.resolve(partner.proxyFqdn(), 5269), out);
      return out;
    }
    List<SrvTarget> srv = new ArrayList<>(resolver.lookupSrv("_xmpp-server._tcp." + domain));
    srv.sort(Comparator.comparingInt(SrvTarget::priority));
    for (SrvTarget target : srv) {
      if (!target.host().equals(".")) { // "." means the service is decidedly not available
        hosts(target.host(), target.port(), out);
      }
    }
    if (srv.isEmpty()) {
      hosts(domain, ports.resolve(domain, 5269), out);
    }
    return out;
  }

  private void hosts(String host, int port, List<InetSocketAddress> out) {
    for (InetAddress address : resolver.lookupAddress(host)) {
      out.add(new InetSocketAddress(address, port));
    }
  }
}
