package io.lyncemu.core.cmdlets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lyncemu.core.federation.VerificationLevel;
import io.lyncemu.core.management.CmdletException;
import org.junit.jupiter.api.Test;

class AllowedDomainCmdletsTest {
  private final FederationCmdletsFixture lync = new FederationCmdletsFixture("lync-defaults");

  @Test
  void newShowsIdentityAndDomainWithLyncDefaults() {
    assertThat(lync.text("New-CsAllowedDomain -Identity push.lync.com"))
        .isEqualTo(
            """

            Identity          : push.lync.com
            Domain            : push.lync.com
            ProxyFqdn         :
            Comment           :
            MarkForMonitoring : False
            VerificationLevel : UseSourceVerification
            """);
  }

  @Test
  void newSetGetRemoveRoundTrip() {
    lync.run("New-CsAllowedDomain contoso.com -ProxyFqdn sip.contoso.com -Comment 'Partner'");
    lync.run(
        "Set-CsAllowedDomain -Identity contoso.com -MarkForMonitoring $true -VerificationLevel"
            + " AlwaysVerifiable -ProxyFqdn $null");

    var domain = lync.deployment.current().federation().allowedDomain("contoso.com").orElseThrow();
    assertThat(domain.proxyFqdn()).isEmpty();
    assertThat(domain.comment()).isEqualTo("Partner");
    assertThat(domain.markForMonitoring()).isTrue();
    assertThat(domain.verificationLevel()).isEqualTo(VerificationLevel.ALWAYS_VERIFIABLE);
    assertThat(lync.run("Get-CsAllowedDomain").objects()).hasSize(1);

    lync.run("Remove-CsAllowedDomain -Identity contoso.com");
    assertThat(lync.deployment.current().federation().allowedDomains()).isEmpty();
  }

  @Test
  void aSecondEntryForTheSameDomainIsRefused() {
    lync.run("New-CsAllowedDomain -Identity contoso.com");

    assertThatThrownBy(() -> lync.run("New-CsAllowedDomain -Identity Contoso.com"))
        .isInstanceOf(CmdletException.class)
        .hasMessageContaining("\"contoso.com\" because it already exists");
  }

  @Test
  void unknownDomainAndBadVerificationLevelGiveClearErrors() {
    assertThatThrownBy(() -> lync.run("Remove-CsAllowedDomain -Identity nowhere.com"))
        .hasMessage("Management object not found for identity \"nowhere.com\".");
    assertThatThrownBy(
            () -> lync.run("New-CsAllowedDomain -Identity contoso.com -VerificationLevel Maybe"))
        .hasMessageStartingWith(
            "Cannot bind parameter 'VerificationLevel'. Cannot convert value \"Maybe\"");
  }
}
