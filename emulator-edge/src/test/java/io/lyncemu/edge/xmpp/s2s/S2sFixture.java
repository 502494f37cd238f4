package io.lyncemu.edge.xmpp.s2s;

import io.lyncemu.core.dns.EmulatedPorts;
import io.lyncemu.core.federation.XmppAllowedPartner;
import io.lyncemu.core.federation.XmppGatewayConfiguration;
import io.lyncemu.core.journal.InMemoryEventJournal;
import io.lyncemu.core.net.ConnectionTable;
import io.lyncemu.core.tls.LocalCertificateAuthority;
import io.lyncemu.core.topology.Topology;
import io.lyncemu.core.topology.TopologyLoader;
import io.lyncemu.edge.xmpp.stream.XmlElement;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * The s2s server on an ephemeral loopback port over the built-in litwareinc topology (partner
 * fabrikam.com: TLS and SASL Optional, dialback), with a test resolver and a list of what the
 * inside received.
 */
final class S2sFixture implements AutoCloseable {
  final AtomicReference<Topology> topology;
  final InMemoryEventJournal journal = new InMemoryEventJournal(Clock.systemUTC());
  final io.lyncemu.core.fault.FaultPlan faults =
      new io.lyncemu.core.fault.FaultPlan(Clock.systemUTC(), journal);
  final TestResolver resolver = new TestResolver();
  final EmulatedPorts ports = new EmulatedPorts();
  final ConnectionTable connections = new ConnectionTable();
  final LocalCertificateAuthority ca;
  final XmppS2sServer server;
  final List<XmlElement> received = new CopyOnWriteArrayList<>();

  S2sFixture(Path stateDir) {
    topology = new AtomicReference<>(new TopologyLoader().builtIn("litwareinc"));
    ca = LocalCertificateAuthority.openOrCreate(stateDir, Clock.systemUTC());
    Topology t = topology.get();
    var identity =
        ca.serverIdentity("edge-external", t.edge().externalCertificateNames(), List.of());
    server =
        new XmppS2sServer(
            new XmppEdgeConfig(
                "127.0.0.1",
                0,
                topology::get,
                () -> identity,
                ca.certificate(),
                Clock.systemUTC(),
                journal,
                resolver,
                ports,
                connections,
                null,
                faults));
    server.onInbound(received::add);
    server.start();
  }

  int port() {
    return server.port(XmppS2sServer.LISTENER);
  }

  void gateway(UnaryOperator<XmppGatewayConfiguration> change) {
    topology.updateAndGet(
        t -> t.withFederation(f -> f.withXmppGateway(change.apply(f.xmppGateway()))));
  }

  void partner(UnaryOperator<XmppAllowedPartner> change) {
    topology.updateAndGet(
        t ->
            t.withFederation(
                f ->
                    f.withXmppPartners(
                        f.xmppPartners().stream()
                            .map(p -> p.identity().equals("fabrikam.com") ? change.apply(p) : p)
                            .toList())));
  }

  static XmppAllowedPartner with(
      XmppAllowedPartner p,
      io.lyncemu.core.federation.Negotiation tls,
      io.lyncemu.core.federation.Negotiation sasl) {
    return new XmppAllowedPartner(
        p.identity(),
        p.additionalDomains(),
        p.connectionLimit(),
        p.description(),
        p.enableKeepAlive(),
        p.partnerType(),
        p.proxyFqdn(),
        sasl,
        tls,
        p.supportDialbackNegotiation());
  }

  static XmppGatewayConfiguration gateway(
      XmppGatewayConfiguration g, String passphrase, Integer partnerLimit, Integer establish) {
    return new XmppGatewayConfiguration(
        g.identity(),
        g.connectionLimit(),
        passphrase == null ? g.dialbackPassphrase() : passphrase,
        g.enableLoggingAllMessageBodies(),
        g.keepAliveInterval(),
        partnerLimit == null ? g.partnerConnectionLimit() : partnerLimit,
        establish == null ? g.streamEstablishmentTimeout() : establish,
        g.streamInactivityTimeout(),
        g.subscriptionRefreshInterval());
  }

  /** KeepAliveInterval and StreamInactivityTimeout, in seconds. */
  void timers(int keepAlive, int inactivity) {
    gateway(
        g ->
            new XmppGatewayConfiguration(
                g.identity(),
                g.connectionLimit(),
                g.dialbackPassphrase(),
                g.enableLoggingAllMessageBodies(),
                keepAlive,
                g.partnerConnectionLimit(),
                g.streamEstablishmentTimeout(),
                inactivity,
                g.subscriptionRefreshInterval()));
  }

  @Override
  public void close() {
    if (Boolean.getBoolean("s2s.dump")) {
      journal.query(io.lyncemu.core.journal.JournalQuery.all()).forEach(System.out::println);
    }
    server.stop();
  }
}
