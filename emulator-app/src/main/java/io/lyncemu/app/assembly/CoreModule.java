package io.lyncemu.app.assembly;

import io.lyncemu.app.cmdlets.ScenarioCmdlets;
import io.lyncemu.core.cmdlets.AccessEdgeConfigurationCmdlets;
import io.lyncemu.core.cmdlets.AllowedDomainCmdlets;
import io.lyncemu.core.cmdlets.CertificateCmdlets;
import io.lyncemu.core.cmdlets.ClockCmdlets;
import io.lyncemu.core.cmdlets.ConfigurationCmdlets;
import io.lyncemu.core.cmdlets.DnsServerResourceRecordCmdlets;
import io.lyncemu.core.cmdlets.ExternalAccessPolicyCmdlets;
import io.lyncemu.core.cmdlets.FederationRouteCmdlets;
import io.lyncemu.core.cmdlets.HostingProviderCmdlets;
import io.lyncemu.core.cmdlets.MobilityPolicyCmdlets;
import io.lyncemu.core.cmdlets.NetstatCmdlets;
import io.lyncemu.core.cmdlets.ServiceCmdlets;
import io.lyncemu.core.cmdlets.UserCmdlets;
import io.lyncemu.core.cmdlets.XmppGatewayConfigurationCmdlets;
import io.lyncemu.core.cmdlets.XmppPartnerCmdlets;
import java.util.List;

/**
 * The management shell every deployment has whatever else runs: Lync's user, policy, configuration,
 * federation and service cmdlets, the Windows DNS Server record cmdlets, the netstat view, the
 * emulator clock and the scenario cmdlets. Binds no listener.
 */
public final class CoreModule implements EmulatorModule {

  @Override
  public String name() {
    return "core";
  }

  @Override
  public List<ListenerSpec> listeners() {
    return List.of();
  }

  @Override
  public void install(ModuleContext context) {
    context
        .cmdlets()
        .registerAll(new UserCmdlets(context.deployment()).all())
        .registerAll(new MobilityPolicyCmdlets(context.deployment()).all())
        .registerAll(new ConfigurationCmdlets(context.deployment()).all())
        .registerAll(new AccessEdgeConfigurationCmdlets(context.deployment()).all())
        .registerAll(new AllowedDomainCmdlets(context.deployment()).all())
        .registerAll(new HostingProviderCmdlets(context.deployment()).all())
        .registerAll(new XmppPartnerCmdlets(context.deployment()).all())
        .registerAll(new XmppGatewayConfigurationCmdlets(context.deployment()).all())
        .registerAll(new ExternalAccessPolicyCmdlets(context.deployment()).all())
        .registerAll(new FederationRouteCmdlets(context.deployment()).all())
        .registerAll(new ServiceCmdlets(context.deployment(), context.windowsServices()).all())
        .registerAll(new NetstatCmdlets(context.connections(), context.emulatedPorts()).all())
        .registerAll(
            new DnsServerResourceRecordCmdlets(context.deployment(), context.journal()).all())
        .registerAll(
            new CertificateCmdlets(
                    context.deployment(), context.certificateAuthority(), context.journal())
                .all())
        .registerAll(new ClockCmdlets(context.clock(), context.journal()).all())
        .registerAll(new ScenarioCmdlets(context.scenarios()).all());
  }
}
