package io.lyncemu.core.cmdlets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lyncemu.core.journal.JournalQuery;
import io.lyncemu.core.management.CmdletException;
import org.junit.jupiter.api.Test;

class XmppGatewayConfigurationCmdletsTest {
  private final FederationCmdletsFixture lync = new FederationCmdletsFixture("lync-defaults");

  @Test
  void getShowsTheHelpDefaults() {
    assertThat(lync.text("Get-CsXmppGatewayConfiguration"))
        .isEqualTo(
            """

            Identity                      : Global
            ConnectionLimit               : 1000
            DialbackPassphrase            :
            EnableLoggingAllMessageBodies : False
            KeepAliveInterval             : 300
            PartnerConnectionLimit        : 20
            StreamEstablishmentTimeout    : 60
            StreamInactivityTimeout       : 600
            SubscriptionRefreshInterval   : 28800
            """);
  }

  @Test
  void setChangesTheGlobalSettingsAndGetShowsThePassphrase() {
    lync.run(
        "Set-CsXmppGatewayConfiguration -Identity global -DialbackPassphrase 'S3cret!' "
            + "-PartnerConnectionLimit 5 -StreamInactivityTimeout 120");

    var gateway = lync.deployment.current().federation().xmppGateway();
    assertThat(gateway.partnerConnectionLimit()).isEqualTo(5);
    assertThat(gateway.streamInactivityTimeout()).isEqualTo(120);
    assertThat(lync.text("Get-CsXmppGatewayConfiguration"))
        .contains("DialbackPassphrase            : S3cret!");
  }

  @Test
  void thePassphraseNeverReachesTheJournalEvenAbbreviated() {
    lync.run("Set-CsXmppGatewayConfiguration -DialbackPassphrase Full!Secret");
    lync.run("Set-CsXmppGatewayConfiguration -DialbackPass Short!Secret");
    lync.run("Set-CsXmppGatewayConfiguration -Dial Tiny!Secret");

    assertThat(lync.deployment.current().federation().xmppGateway().dialbackPassphrase())
        .isEqualTo("Tiny!Secret");
    assertThat(lync.journal.query(JournalQuery.all()))
        .isNotEmpty()
        .allSatisfy(
            event ->
                assertThat(event.attributes().toString())
                    .doesNotContain("Secret")
                    .doesNotContain("secret"));
  }

  @Test
  void onlyTheGlobalScopeExists() {
    assertThatThrownBy(
            () -> lync.run("Set-CsXmppGatewayConfiguration -Identity site:Redmond -KeepAlive 60"))
        .isInstanceOf(CmdletException.class)
        .hasMessage("XMPP gateway configuration can only be set at the global scope.");
    assertThatThrownBy(() -> lync.run("Set-CsXmppGatewayConfiguration -ConnectionLimit 0"))
        .hasMessageContaining("ConnectionLimit must be a positive number");
  }
}
