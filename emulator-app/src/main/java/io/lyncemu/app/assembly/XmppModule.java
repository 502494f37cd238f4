package io.lyncemu.app.assembly;

import io.lyncemu.core.lifecycle.ServiceGroup;
import io.lyncemu.core.services.EmulatedWindowsService;
import io.lyncemu.core.topology.Topology;
import io.lyncemu.edge.xmpp.EdgeCertificates;
import io.lyncemu.edge.xmpp.PartnerTraffic;
import io.lyncemu.edge.xmpp.gateway.FrontEndGatewayLink;
import io.lyncemu.edge.xmpp.gateway.FrontEndLinkSettings;
import io.lyncemu.edge.xmpp.gateway.XmppFederationGateway;
import io.lyncemu.edge.xmpp.internal.EdgeLinkSettings;
import io.lyncemu.edge.xmpp.internal.GatewayLinkProtocol;
import io.lyncemu.edge.xmpp.internal.XmppInternalListener;
import io.lyncemu.edge.xmpp.s2s.XmppEdgeConfig;
import io.lyncemu.edge.xmpp.s2s.XmppS2sServer;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * XMPP federation: on the Edge the service {@value #PROXY} (the s2s listener on 5269 and the
 * internal listener on 23456, stopped and started together), on the Front End the service {@value
 * #GATEWAY} (the 23456 client and the translating gateway). The gateway is added to the router
 * here; this module is listed before any SIP federation module in META-INF/services so the XMPP
 * gateway is asked first.
 */
public final class XmppModule implements EmulatorModule {
  public static final String PROXY = "RTCXMPPTGWPX";
  public static final String GATEWAY = "RTCXMPPTGW";
  public static final ListenerSpec S2S = new ListenerSpec("xmpp-s2s", 5269, "xmpp");
  public static final ListenerSpec INTERNAL =
      new ListenerSpec(
          XmppInternalListener.LISTENER, GatewayLinkProtocol.WELL_KNOWN_PORT, "xmpp-gateway");

  @Override
  public String name() {
    return "xmpp";
  }

  @Override
  public List<ListenerSpec> listeners() {
    return List.of(S2S, INTERNAL);
  }

  @Override
  public void install(ModuleContext context) {
    Topology topology = context.deployment().current();
    String edgeFqdn = topology.edge().internalFqdn();
    String pool = topology.primaryPool().fqdn();
    EdgeCertificates certificates =
        new EdgeCertificates(context.certificateAuthority(), context.deployment());
    XmppS2sServer s2s = s2sServer(context, certificates);
    PartnerTraffic partners = s2s;

    XmppInternalListener internal =
        new XmppInternalListener(
            new EdgeLinkSettings(
                context.bindHost(),
                context.port(INTERNAL),
                edgeFqdn,
                certificates.internal(),
                context.certificateAuthority().certificate(),
                EmulatorAssembly.STOP_TIMEOUT),
            partners,
            context.connections(),
            context.emulatedPorts(),
            context.journal());
    context.windowsService(
        new EmulatedWindowsService(
            PROXY,
            "Lync Server XMPP Translating Gateway Proxy",
            "EdgeServer:" + edgeFqdn,
            new ServiceGroup(PROXY, List.of(s2s, internal))));

    String connectHost = connectHost(context.bindHost());
    FrontEndGatewayLink link =
        new FrontEndGatewayLink(
            new FrontEndLinkSettings(
                pool,
                context
                    .certificateAuthority()
                    .serverIdentity("fe-xmpp-gateway", List.of(pool), List.of()),
                context.certificateAuthority().certificate(),
                fqdn ->
                    context
                        .emulatedPorts()
                        .actual(fqdn, GatewayLinkProtocol.WELL_KNOWN_PORT)
                        .map(port -> new InetSocketAddress(connectHost, port)),
                null,
                null),
            context.deployment(),
            context.connections(),
            context.journal());
    XmppFederationGateway gateway =
        new XmppFederationGateway(
            context.deployment(), context.router(), context.journal(), context.clock(), link);
    link.listener(gateway);
    context.router().addGateway(gateway);
    context.windowsService(
        new EmulatedWindowsService(
            GATEWAY, "Lync Server XMPP Translating Gateway", "Registrar:" + pool, link));
  }

  /**
   * The 5269 listener and the partner side behind the Edge. The external certificate is read when
   * {@value #PROXY} starts, so a certificate assigned later is served after a restart.
   */
  private static XmppS2sServer s2sServer(ModuleContext context, EdgeCertificates certificates) {
    return new XmppS2sServer(
        new XmppEdgeConfig(
            context.bindHost(),
            context.port(S2S),
            context.deployment()::current,
            certificates::external,
            context.certificateAuthority().certificate(),
            context.clock(),
            context.journal(),
            context.nameResolver(),
            context.emulatedPorts(),
            context.connections(),
            null,
            context.faults()));
  }

  private static String connectHost(String bindHost) {
    return bindHost.equals("0.0.0.0") || bindHost.equals("::") ? "127.0.0.1" : bindHost;
  }
}
