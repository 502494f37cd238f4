package io.lyncemu.app.assembly;

import io.lyncemu.app.PortPlan;
import io.lyncemu.core.dns.NameResolver;
import io.lyncemu.edge.dns.EmbeddedDnsServer;
import io.lyncemu.edge.dns.UpstreamDnsResolver;
import java.util.List;
import java.util.Optional;

/**
 * The emulated zones served on the wire ({@value PortPlan#DNS_PORT} by default, UDP and TCP), and
 * the upstream for every other name, shared by the DNS server and the emulator's own resolver. A
 * plain service rather than a Windows service: the Windows DNS Server of a real deployment runs on
 * a domain controller, not on a Lync server.
 */
public final class DnsModule implements EmulatorModule {
  public static final ListenerSpec DNS =
      new ListenerSpec(EmbeddedDnsServer.LISTENER, PortPlan.DNS_PORT, "dns");

  @Override
  public String name() {
    return "dns";
  }

  @Override
  public List<ListenerSpec> listeners() {
    return List.of(DNS);
  }

  @Override
  public void install(ModuleContext context) {
    NameResolver upstream = UpstreamDnsResolver.forSetting(context.dnsUpstream());
    context.useUpstreamResolver(upstream);
    context.service(
        new EmbeddedDnsServer(
            context.bindHost(),
            context.port(DNS),
            context.deployment(),
            context.emulatedPorts(),
            Optional.of(upstream),
            context.journal(),
            EmulatorAssembly.STOP_TIMEOUT));
  }
}
