package io.lyncemu.app.assembly;

import io.lyncemu.core.services.EmulatedWindowsService;
import io.lyncemu.core.tls.ServerIdentity;
import io.lyncemu.core.topology.Topology;
import io.lyncemu.edge.sip.AccessEdgeConfig;
import io.lyncemu.edge.sip.AccessEdgeEnvironment;
import io.lyncemu.edge.sip.AccessEdgeServer;
import io.lyncemu.edge.sip.PartnerTransportCmdlets;
import io.lyncemu.edge.sip.SipFederationGateway;
import io.lyncemu.synthetic.HostResolver;
import io.lyncemu.synthetic.SyntheticEnvironment;
import io.lyncemu.synthetic.TestCsFederatedPartnerCmdlet;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * The Edge Server's SIP Access Edge: {@link AccessEdgeServer} as the Windows service {@value
 * #SERVICE} ("Lync Server Access Edge"), MTLS on 5061 plus the emulator's plain TCP listener on
 * 5060 for SIPp; the router's {@code sip-federation} gateway; and Test-CsFederatedPartner, which
 * reaches the Edge's internal FQDN on the bound TLS port and trusts the emulator's CA; and the
 * emulator-only Set-/Get-CsEmulatorPartnerTransport (dial a partner edge over TCP). The gateway is
 * added here, so a module that adds the XMPP gateway must be installed before this one.
 */
public final class AccessEdgeModule implements EmulatorModule {
  public static final String SERVICE = "RTCSRV";
  public static final ListenerSpec SIP_TLS =
      new ListenerSpec("access-edge-tls", AccessEdgeConfig.TLS_PORT, "sips");
  public static final ListenerSpec SIP_TCP =
      new ListenerSpec("access-edge-tcp", AccessEdgeConfig.TCP_PORT, "sip");

  @Override
  public String name() {
    return "access-edge";
  }

  @Override
  public List<ListenerSpec> listeners() {
    return List.of(SIP_TLS, SIP_TCP);
  }

  @Override
  public void install(ModuleContext context) {
    Topology topology = context.deployment().current();
    ServerIdentity tls =
        context
            .certificateAuthority()
            .serverIdentity(
                "edge-access",
                distinct(
                    topology.edge().accessEdgeFqdn(),
                    topology.edge().internalFqdn(),
                    topology.edge().externalCertificateNames()),
                List.of("127.0.0.1"));
    AccessEdgeServer server =
        new AccessEdgeServer(
            new AccessEdgeConfig(
                context.bindHost(),
                context.port(SIP_TLS),
                context.port(SIP_TCP),
                AccessEdgeConfig.DEFAULT_OUTBOUND_TIMEOUT,
                AccessEdgeConfig.DEFAULT_MAX_MESSAGE_BYTES),
            new AccessEdgeEnvironment(
                context.deployment(),
                context.journal(),
                context.router(),
                context.nameResolver(),
                context.emulatedPorts(),
                context.connections(),
                tls.serverContext(),
                context.certificateAuthority().clientContext()));
    context.router().addGateway(new SipFederationGateway(server, context.router()));
    // Emulator-only: lets a TLS-less partner edge (SIPp) be reached without Java access.
    context.cmdlets().registerAll(new PartnerTransportCmdlets(server.partnerTransports()).all());
    context
        .cmdlets()
        .register(
            new TestCsFederatedPartnerCmdlet(
                new SyntheticEnvironment(
                    context.certificateAuthority().clientContext(),
                    edgeHosts(context, server),
                    Clock.systemUTC(),
                    SyntheticEnvironment.DEFAULT_TIMEOUT)));
    context.windowsService(
        new EmulatedWindowsService(
            SERVICE,
            "Lync Server Access Edge",
            "EdgeServer:" + topology.edge().internalFqdn(),
            server));
  }

  private static List<String> distinct(String a, String b, List<String> more) {
    LinkedHashSet<String> all = new LinkedHashSet<>();
    all.add(a);
    all.add(b);
    all.addAll(more);
    return List.copyOf(all);
  }

  /** The Edge's names go to its bound TLS port on loopback; other names to DNS and 5061. */
  private static HostResolver edgeHosts(ModuleContext context, AccessEdgeServer server) {
    return host -> {
      Topology t = context.deployment().current();
      String h = host.toLowerCase(Locale.ROOT);
      if ((h.equals(t.edge().internalFqdn()) || h.equals(t.edge().accessEdgeFqdn()))
          && server.isRunning()) {
        return new InetSocketAddress(
            InetAddress.getLoopbackAddress(), server.port(AccessEdgeServer.TLS));
      }
      return new InetSocketAddress(InetAddress.getByName(host), AccessEdgeConfig.TLS_PORT);
    };
  }
}
