package io.lyncemu.edge.sip;

import io.lyncemu.core.dns.DnsRecord;
import io.lyncemu.core.dns.DnsZones;
import io.lyncemu.core.dns.EmulatedPorts;
import io.lyncemu.core.dns.ZoneResolver;
import io.lyncemu.core.journal.InMemoryEventJournal;
import io.lyncemu.core.net.ConnectionTable;
import io.lyncemu.core.routing.MessageRouter;
import io.lyncemu.core.time.EmulatorClock;
import io.lyncemu.core.tls.LocalCertificateAuthority;
import io.lyncemu.core.tls.ServerIdentity;
import io.lyncemu.core.topology.Deployment;
import io.lyncemu.core.topology.Topology;
import io.lyncemu.core.topology.TopologyLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An Access Edge on ephemeral ports over the built-in litwareinc topology (contoso.com and
 * push.lync.com allowed, LyncOnline at sipfed.online.lync.com), with the emulator's resolver over
 * the topology's zones and no upstream DNS.
 */
final class EdgeFixture implements AutoCloseable {
  final EmulatorClock clock = EmulatorClock.system();
  final InMemoryEventJournal journal = new InMemoryEventJournal(clock);
  final Deployment deployment = new Deployment(new TopologyLoader().builtIn("litwareinc"), journal);
  final MessageRouter router = new MessageRouter(deployment, journal);
  final EmulatedPorts ports = new EmulatedPorts();
  final ConnectionTable connections = new ConnectionTable();
  final LocalCertificateAuthority ca;
  final ServerIdentity identity;
  final AccessEdgeServer edge;
  private final List<AutoCloseable> cleanup = new ArrayList<>();

  EdgeFixture(Path stateDir) {
    this(stateDir, Duration.ofSeconds(5));
  }

  EdgeFixture(Path stateDir, Duration outboundTimeout) {
    ca = LocalCertificateAuthority.openOrCreate(stateDir, clock);
    Topology t = deployment.current();
    identity =
        ca.serverIdentity(
            "edge-external",
            List.of(t.edge().accessEdgeFqdn(), t.sipDomain(), t.edge().internalFqdn()),
            List.of("127.0.0.1"));
    edge =
        new AccessEdgeServer(
            AccessEdgeConfig.ephemeral().withOutboundTimeout(outboundTimeout),
            new AccessEdgeEnvironment(
                deployment,
                journal,
                router,
                new ZoneResolver(deployment, ports, ZoneResolver.none()),
                ports,
                connections,
                identity.serverContext(),
                ca.clientContext()));
    edge.start();
    cleanup.add(router.addGateway(new SipFederationGateway(edge, router)));
  }

  int tlsPort() {
    return edge.port(AccessEdgeServer.TLS);
  }

  int tcpPort() {
    return edge.port(AccessEdgeServer.TCP);
  }

  /**
   * Makes {@code domain}'s federation SRV record point at {@code host:port} on loopback, in a new
   * emulated zone for the domain.
   */
  void partnerDns(String domain, String host, int port) {
    deployment.update(
        "test partner " + domain,
        t -> {
          DnsZones zones =
              t.dns()
                  .withZone(domain)
                  .withRecord(DnsRecord.srv(domain, "_sipfederationtls._tcp", 0, 0, port, host));
          if (host.endsWith("." + domain)) {
            zones =
                zones.withRecord(
                    DnsRecord.a(domain, DnsRecord.relative(host, domain), "127.0.0.1"));
          }
          return t.withDns(zones);
        });
  }

  void cleanupLater(AutoCloseable handle) {
    cleanup.add(handle);
  }

  @Override
  public void close() {
    for (int i = cleanup.size() - 1; i >= 0; i--) {
      try {
        cleanup.get(i).close();
      } catch (Exception ignored) {
        // best effort
      }
    }
    edge.stop();
  }
}
