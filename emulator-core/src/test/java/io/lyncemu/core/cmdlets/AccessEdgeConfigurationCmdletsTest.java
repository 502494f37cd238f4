package io.lyncemu.core.cmdlets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lyncemu.core.federation.RoutingMethod;
import io.lyncemu.core.management.CmdletException;
import org.junit.jupiter.api.Test;

class AccessEdgeConfigurationCmdletsTest {
  private final FederationCmdletsFixture lync = new FederationCmdletsFixture("lync-defaults");

  @Test
  void getShowsLyncDefaultsInLyncsOrder() {
    assertThat(lync.text("Get-CsAccessEdgeConfiguration"))
        .isEqualTo(
            """

            Identity                               : Global
            AllowAnonymousUsers                    : False
            AllowFederatedUsers                    : False
            AllowOutsideUsers                      : True
            BeClearingHouse                        : False
            EnablePartnerDiscovery                 : False
            DiscoveredPartnerVerificationLevel     : AlwaysUnverifiable
            EnableArchivingDisclaimer              : False
            EnableUserReplicator                   : True
            KeepCrlsUpToDateForPeers               : True
            MarkSourceVerifiableOnOutgoingMessages : True
            OutgoingTlsCountForFederatedPartners   : 4
            RoutingMethod                          : UseDnsSrvRouting
            DefaultRouteFqdn                       :
            """);
  }

  @Test
  void setChangesTheFlags() {
    lync.run(
        "Set-CsAccessEdgeConfiguration -AllowFederatedUsers $True -AllowAnonymousUsers $true"
            + " -EnablePartnerDiscovery $true -MarkSourceVerifiableOnOutgoingMessages $false");

    var edge = lync.deployment.current().federation().accessEdge();
    assertThat(edge.allowFederatedUsers()).isTrue();
    assertThat(edge.allowAnonymousUsers()).isTrue();
    assertThat(edge.enablePartnerDiscovery()).isTrue();
    assertThat(edge.markSourceVerifiableOnOutgoingMessages()).isFalse();
    assertThat(edge.allowOutsideUsers()).isTrue();
  }

  @Test
  void defaultRoutingNeedsARouteAndSwitchesBack() {
    assertThatThrownBy(() -> lync.run("Set-CsAccessEdgeConfiguration -UseDefaultRouting"))
        .isInstanceOf(CmdletException.class)
        .hasMessageContaining("DefaultRouteFqdn must be specified");

    lync.run(
        "Set-CsAccessEdgeConfiguration -Identity Global -UseDefaultRouting -DefaultRouteFqdn"
            + " proxy.litwareinc.com");
    var edge = lync.deployment.current().federation().accessEdge();
    assertThat(edge.routingMethod()).isEqualTo(RoutingMethod.USE_DEFAULT_ROUTING);
    assertThat(edge.allowsHostingProviders()).isFalse();
    assertThat(lync.text("Get-CsAccessEdgeConfiguration"))
        .contains("RoutingMethod                          : UseDefaultRouting")
        .contains("DefaultRouteFqdn                       : proxy.litwareinc.com");

    lync.run("Set-CsAccessEdgeConfiguration -UseDnsSrvRouting");
    edge = lync.deployment.current().federation().accessEdge();
    assertThat(edge.routingMethod()).isEqualTo(RoutingMethod.USE_DNS_SRV_ROUTING);
    assertThat(edge.defaultRouteFqdn()).isEmpty();
  }

  @Test
  void defaultRoutingIsAllowedWhileAHostingProviderIsEnabledAsInLync() {
    FederationCmdletsFixture litware = new FederationCmdletsFixture("litwareinc");

    litware.run("Set-CsAccessEdgeConfiguration -UseDefaultRouting -DefaultRouteFqdn x.contoso.com");

    assertThat(litware.deployment.current().federation().hostingProviders()).isNotEmpty();
    assertThat(litware.deployment.current().federation().accessEdge().allowsHostingProviders())
        .isFalse();
  }

  @Test
  void bothRoutingSwitchesAreRefused() {
    assertThatThrownBy(
            () -> lync.run("Set-CsAccessEdgeConfiguration -UseDnsSrvRouting -UseDefaultRouting"))
        .hasMessage("Parameter set cannot be resolved using the specified named parameters.");
  }

  @Test
  void onlyTheGlobalIdentityExists() {
    assertThatThrownBy(() -> lync.run("Get-CsAccessEdgeConfiguration -Identity site:Redmond"))
        .isInstanceOf(CmdletException.class)
        .hasMessage("Management object not found for identity \"site:Redmond\".");
  }
}
