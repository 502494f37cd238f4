package io.lyncemu.core.cmdlets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lyncemu.core.management.CmdletException;
import org.junit.jupiter.api.Test;

class HostingProviderCmdletsTest {
  private final FederationCmdletsFixture lync = new FederationCmdletsFixture("lync-defaults");

  @Test
  void theDocumentedPushProviderLine() {
    assertThat(
            lync.text(
                "New-CsHostingProvider -Identity \"LyncOnline\" -Enabled $True -ProxyFqdn"
                    + " \"sipfed.online.lync.com\" -VerificationLevel UseSourceVerification"))
        .isEqualTo(
            """

            Identity                  : LyncOnline
            Name                      : LyncOnline
            ProxyFqdn                 : sipfed.online.lync.com
            VerificationLevel         : UseSourceVerification
            Enabled                   : True
            EnabledSharedAddressSpace : False
            HostsOCSUsers             : False
            IsLocal                   : False
            AutodiscoverUrl           :
            """);
  }

  @Test
  void defaultsFollowTheHelp() {
    lync.run("New-CsHostingProvider -Identity Fabrikam -ProxyFqdn sip.fabrikam.com");

    var provider = lync.deployment.current().federation().hostingProvider("Fabrikam").orElseThrow();
    assertThat(provider.enabled()).isFalse();
    assertThat(provider.sipClientPort()).isEqualTo(443);
    assertThat(lync.text("Get-CsHostingProvider Fabrikam"))
        .contains("VerificationLevel         : AlwaysVerifiable");
  }

  @Test
  void aSecondProviderForTheSameProxyFqdnIsRefusedWithFederationsMessage() {
    lync.run("New-CsHostingProvider -Identity LyncOnline -ProxyFqdn sipfed.online.lync.com");

    assertThatThrownBy(
            () ->
                lync.run(
                    "New-CsHostingProvider -Identity Hybrid -ProxyFqdn sipfed.online.lync.com"
                        + " -EnabledSharedAddressSpace $true -HostsOCSUsers $true"))
        .isInstanceOf(CmdletException.class)
        .hasMessageContaining(
            "The ProxyFqdn \"sipfed.online.lync.com\" is already used by the hosting provider"
                + " \"LyncOnline\"");
    assertThatThrownBy(
            () -> lync.run("New-CsHostingProvider -Identity lynconline -ProxyFqdn other.lync.com"))
        .hasMessage("A hosting provider with the Identity \"lynconline\" already exists.");
    assertThat(lync.deployment.current().federation().hostingProviders()).hasSize(1);
  }

  @Test
  void setChangesFlagsButNotTheProxyFqdn() {
    lync.run("New-CsHostingProvider -Identity LyncOnline -ProxyFqdn sipfed.online.lync.com");
    // -Enabled is exact; it is also a prefix of -EnabledSharedAddressSpace, and exact wins.
    lync.run(
        "Set-CsHostingProvider -Identity LyncOnline -Enabled $true -IsLocal $false -AutodiscoverUrl"
            + " https://webdir.online.lync.com/Autodiscover/AutodiscoverService.svc/root");

    var provider =
        lync.deployment.current().federation().hostingProvider("LyncOnline").orElseThrow();
    assertThat(provider.enabled()).isTrue();
    assertThat(provider.enabledSharedAddressSpace()).isFalse();
    assertThat(provider.autodiscoverUrl()).startsWith("https://webdir.online.lync.com/");
    assertThatThrownBy(
            () -> lync.run("Set-CsHostingProvider -Identity LyncOnline -ProxyFqdn x.lync.com"))
        .hasMessageStartingWith("ProxyFqdn cannot be changed");
  }

  @Test
  void removeAndUnknownIdentity() {
    lync.run("New-CsHostingProvider -Identity LyncOnline -ProxyFqdn sipfed.online.lync.com");
    lync.run("Remove-CsHostingProvider -Identity LyncOnline");

    assertThat(lync.deployment.current().federation().hostingProviders()).isEmpty();
    assertThatThrownBy(() -> lync.run("Get-CsHostingProvider -Identity LyncOnline"))
        .hasMessage("Management object not found for identity \"LyncOnline\".");
    assertThatThrownBy(() -> lync.run("New-CsHostingProvider -Identity NoFqdn"))
        .hasMessage("Cannot bind argument to parameter 'ProxyFqdn' because it is null or missing.");
  }
}
