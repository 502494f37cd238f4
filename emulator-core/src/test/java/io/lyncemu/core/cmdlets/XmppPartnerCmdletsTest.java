package io.lyncemu.core.cmdlets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lyncemu.core.federation.Negotiation;
import io.lyncemu.core.federation.XmppPartnerType;
import io.lyncemu.core.management.CmdletException;
import org.junit.jupiter.api.Test;

class XmppPartnerCmdletsTest {
  private final FederationCmdletsFixture lync = new FederationCmdletsFixture("lync-defaults");

  @Test
  void theGoogleExampleFromTheDocsWithItsPositionalIdentity() {
    String text =
        lync.text(
            "New-CsXmppAllowedPartner gmail.com -TlsNegotiation NotSupported -SaslNegotiation"
                + " NotSupported -EnableKeepAlive $false -SupportDialbackNegotiation $true");

    assertThat(text)
        .isEqualTo(
            """

            Identity                   : gmail.com
            AdditionalDomains          : {}
            ConnectionLimit            : 1000
            Description                :
            EnableKeepAlive            : False
            PartnerType                : PublicUnverified
            ProxyFqdn                  :
            SaslNegotiation            : NotSupported
            SupportDialbackNegotiation : True
            TlsNegotiation             : NotSupported
            Domain                     : gmail.com
            """);
    var partner = lync.deployment.current().federation().xmppPartnerFor("gmail.com").orElseThrow();
    assertThat(partner.tlsNegotiation()).isEqualTo(Negotiation.NOT_SUPPORTED);
  }

  @Test
  void helpDefaultsAndTheDomainParameter() {
    lync.run("New-CsXmppAllowedPartner -Domain jabber.org");

    var partner = lync.deployment.current().federation().xmppPartnerFor("jabber.org").orElseThrow();
    assertThat(partner.tlsNegotiation()).isEqualTo(Negotiation.REQUIRED);
    assertThat(partner.saslNegotiation()).isEqualTo(Negotiation.REQUIRED);
    assertThat(partner.supportDialbackNegotiation()).isTrue();
    assertThat(partner.enableKeepAlive()).isTrue();
    assertThat(partner.partnerType()).isEqualTo(XmppPartnerType.PUBLIC_UNVERIFIED);
  }

  @Test
  void setAndRemoveRoundTrip() {
    lync.run("New-CsXmppAllowedPartner fabrikam.com");
    lync.run(
        "Set-CsXmppAllowedPartner -Identity fabrikam.com -PartnerType Federated -AdditionalDomains"
            + " im.fabrikam.com,chat.fabrikam.com -ConnectionLimit 50 -ProxyFqdn"
            + " xmpp.fabrikam.com -Description 'Fabrikam XMPP'");

    var partner =
        lync.deployment.current().federation().xmppPartnerFor("chat.fabrikam.com").orElseThrow();
    assertThat(partner.identity()).isEqualTo("fabrikam.com");
    assertThat(partner.partnerType()).isEqualTo(XmppPartnerType.FEDERATED);
    assertThat(partner.connectionLimit()).isEqualTo(50);
    assertThat(lync.text("Get-CsXmppAllowedPartner fabrikam.com"))
        .contains("AdditionalDomains          : {im.fabrikam.com, chat.fabrikam.com}");

    lync.run("Remove-CsXmppAllowedPartner fabrikam.com");
    assertThat(lync.deployment.current().federation().xmppPartners()).isEmpty();
  }

  @Test
  void duplicatesUnknownsAndBadEnumsAreRefused() {
    lync.run("New-CsXmppAllowedPartner gmail.com");

    assertThatThrownBy(() -> lync.run("New-CsXmppAllowedPartner -Identity GMAIL.com"))
        .isInstanceOf(CmdletException.class)
        .hasMessageContaining("because it already exists");
    assertThatThrownBy(() -> lync.run("Set-CsXmppAllowedPartner jabber.org -EnableKeepAlive $true"))
        .hasMessage("Management object not found for identity \"jabber.org\".");
    assertThatThrownBy(
            () -> lync.run("Set-CsXmppAllowedPartner gmail.com -TlsNegotiation Sometimes"))
        .hasMessageContaining("'TlsNegotiation'")
        .hasMessageContaining("Sometimes");
  }
}
