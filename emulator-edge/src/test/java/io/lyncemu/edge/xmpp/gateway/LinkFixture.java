package io.lyncemu.edge.xmpp.gateway;

import io.lyncemu.core.dns.EmulatedPorts;
import io.lyncemu.core.journal.InMemoryEventJournal;
import io.lyncemu.core.net.ConnectionTable;
import io.lyncemu.core.routing.MessageRouter;
import io.lyncemu.core.tls.LocalCertificateAuthority;
import io.lyncemu.core.tls.ServerIdentity;
import io.lyncemu.core.topology.Deployment;
import io.lyncemu.core.topology.TopologyLoader;
import io.lyncemu.edge.xmpp.internal.EdgeLinkSettings;
import io.lyncemu.edge.xmpp.internal.GatewayLinkProtocol;
import io.lyncemu.edge.xmpp.internal.XmppInternalListener;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The litwareinc deployment with an Edge 23456 listener, the FE link and gateway wired to a fake
 * partner side, over real sockets and real mutual TLS. Nothing is started; {@link #close} stops
 * everything.
 */
final class LinkFixture implements AutoCloseable {
  static final String EDGE = "atl-edge-001.litwareinc.com";
  static final String POOL = "atl-cs-001.litwareinc.com";

  final InMemoryEventJournal journal = new InMemoryEventJournal(Clock.systemUTC());
  final Deployment deployment =
      new Deployment(new TopologyLoader().builtIn(TopologyLoader.DEFAULT), journal);
  final MessageRouter router = new MessageRouter(deployment, journal);
  final ConnectionTable connections = new ConnectionTable();
  final EmulatedPorts ports = new EmulatedPorts();
  final FakePartnerTraffic partners = new FakePartnerTraffic();
  final LocalCertificateAuthority ca;
  final ServerIdentity edgeIdentity;
  final ServerIdentity feIdentity;
  final XmppInternalListener edge;
  final FrontEndGatewayLink link;
  final XmppFederationGateway gateway;

  LinkFixture(Path stateDir) {
    ca = LocalCertificateAuthority.openOrCreate(stateDir, Clock.systemUTC());
    edgeIdentity = ca.serverIdentity("edge-internal", List.of(EDGE), List.of("127.0.0.1"));
    feIdentity = ca.serverIdentity("fe-xmpp", List.of(POOL), List.of());
    edge =
        new XmppInternalListener(
            new EdgeLinkSettings(
                "127.0.0.1", 0, EDGE, edgeIdentity, ca.certificate(), Duration.ofSeconds(2)),
            partners,
            connections,
            ports,
            journal);
    link =
        new FrontEndGatewayLink(
            new FrontEndLinkSettings(
                POOL,
                feIdentity,
                ca.certificate(),
                fqdn ->
                    ports
                        .actual(fqdn, GatewayLinkProtocol.WELL_KNOWN_PORT)
                        .map(p -> new InetSocketAddress("127.0.0.1", p)),
                Duration.ofMillis(50),
                Duration.ofMillis(400)),
            deployment,
            connections,
            journal);
    gateway = new XmppFederationGateway(deployment, router, journal, Clock.systemUTC(), link);
    link.listener(gateway);
    router.addGateway(gateway);
  }

  int edgePort() {
    return edge.port(XmppInternalListener.LISTENER);
  }

  @Override
  public void close() {
    try {
      link.stop();
    } finally {
      edge.stop();
    }
  }
}
