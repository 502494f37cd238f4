package io.lyncemu.edge.xmpp.s2s;

import io.lyncemu.core.dns.EmulatedPorts;
import io.lyncemu.core.dns.NameResolver;
import io.lyncemu.core.fault.FaultPlan;
import io.lyncemu.core.federation.XmppGatewayConfiguration;
import io.lyncemu.core.journal.EventJournal;
import io.lyncemu.core.net.ConnectionTable;
import io.lyncemu.core.tls.ServerIdentity;
import io.lyncemu.core.topology.Topology;
import io.lyncemu.edge.xmpp.stream.XmppStreamLimits;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the s2s side needs from its surroundings. The topology is a supplier read on every decision
 * (partner settings, timeouts, passphrase), so a cmdlet's change applies to the next stream or
 * stanza without a restart, as on a real Edge after replication.
 *
 * @param bindHost the external Access Edge address to listen on
 * @param port 5269, or 0 for an ephemeral port (tests)
 * @param topology the live deployment
 * @param identity the external Edge certificate (names = {@code Edge.externalCertificateNames()}),
 *     read when the service starts: a certificate assigned later is served after a restart
 * @param trustAnchor the emulator CA: partner certificates it issued count as verified for SASL
 *     EXTERNAL
 * @param resolver how partners' {@code _xmpp-server._tcp} records are found
 * @param ports where emulated hosts' well-known ports really are; the listener registers its own
 * @param connections the netstat view
 * @param limits stanza size, depth and attribute bounds for every stream
 * @param faults the emulator's fault plan, asked at the s2s fault steps ({@link S2sFaults}); null
 *     for none
 */
public record XmppEdgeConfig(
    String bindHost,
    int port,
    Supplier<Topology> topology,
    Supplier<ServerIdentity> identity,
    X509Certificate trustAnchor,
    Clock clock,
    EventJournal journal,
    NameResolver resolver,
    EmulatedPorts ports,
    ConnectionTable connections,
    XmppStreamLimits limits,
    FaultPlan faults) {

  /** The name the netstat view shows for this listener's process (the Windows service's). */
  public static final String OWNER = "RTCXMPPTGWPX";

  /** The well-known s2s port registered in {@link EmulatedPorts}. */
  public static final int WELL_KNOWN_PORT = 5269;

  public XmppEdgeConfig {
    Objects.requireNonNull(bindHost, "bindHost");
    Objects.requireNonNull(topology, "topology");
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(trustAnchor, "trustAnchor");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(journal, "journal");
    Objects.requireNonNull(resolver, "resolver");
    Objects.requireNonNull(ports, "ports");
    Objects.requireNonNull(connections, "connections");
    limits = limits == null ? XmppStreamLimits.DEFAULT : limits;
  }

  /** The same settings without a fault plan (tests, embedders without faults). */
  public XmppEdgeConfig(
      String bindHost,
      int port,
      Supplier<Topology> topology,
      Supplier<ServerIdentity> identity,
      X509Certificate trustAnchor,
      Clock clock,
      EventJournal journal,
      NameResolver resolver,
      EmulatedPorts ports,
      ConnectionTable connections,
      XmppStreamLimits limits) {
    this(
        bindHost,
        port,
        topology,
        identity,
        trustAnchor,
        clock,
        journal,
        resolver,
        ports,
        connections,
        limits,
        null);
  }

  XmppGatewayConfiguration gateway() {
    return topology.get().federation().xmppGateway();
  }

  /** The domains this Edge serves on s2s streams: the SIP domain. */
  List<String> localDomains() {
    return List.of(topology.get().sipDomain());
  }

  boolean isLocal(String domain) {
    return topology.get().isLocalDomain(domain);
  }

  String accessEdgeFqdn() {
    return topology.get().edge().accessEdgeFqdn();
  }
}
