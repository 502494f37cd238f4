package io.lyncemu.core.dns;

import io.lyncemu.core.topology.Deployment;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Answers from the emulated zones first, authoritatively: a name inside an emulated zone that has
 * no record does not exist, even if the real DNS knows it (a removed SRV record must break
 * federation). Other names go to the upstream resolver. SRV answers carry the bound port.
 */
public final class ZoneResolver implements NameResolver {
  private final Deployment deployment;
  private final EmulatedPorts ports;
  private final NameResolver upstream;

  public ZoneResolver(Deployment deployment, EmulatedPorts ports, NameResolver upstream) {
    this.deployment = Objects.requireNonNull(deployment, "deployment");
    this.ports = Objects.requireNonNull(ports, "ports");
    this.upstream = Objects.requireNonNull(upstream, "upstream");
  }

  @Override
  public List<SrvTarget> lookupSrv(String name) {
    DnsZones zones = deployment.current().dns();
    if (zones.zoneOf(name).isEmpty()) {
      return upstream.lookupSrv(name);
    }
    return zones.lookup(name, DnsRecordType.SRV).stream()
        .map(
            r ->
                new SrvTarget(
                    r.priority(), r.weight(), r.target(), ports.resolve(r.target(), r.port())))
        .sorted(Comparator.comparingInt(SrvTarget::priority))
        .toList();
  }

  @Override
  public List<InetAddress> lookupAddress(String host) {
    DnsZones zones = deployment.current().dns();
    if (zones.zoneOf(host).isEmpty()) {
      return upstream.lookupAddress(host);
    }
    return zones.lookup(host, DnsRecordType.A).stream().map(ZoneResolver::address).toList();
  }

  private static InetAddress address(DnsRecord record) {
    try {
      return InetAddress.getByName(record.address());
    } catch (UnknownHostException e) {
      throw new IllegalStateException("A record with a bad address " + record.address(), e);
    }
  }

  /** An upstream that knows nothing: for tests and for an emulator told to stay fully offline. */
  public static NameResolver none() {
    return new NameResolver() {
      @Override
      public List<SrvTarget> lookupSrv(String name) {
        return List.of();
      }

      @Override
      public List<InetAddress> lookupAddress(String host) {
        return List.of();
      }
    };
  }
}
