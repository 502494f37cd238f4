package io.lyncemu.core.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lyncemu.core.topology.Topology;
import io.lyncemu.core.topology.TopologyException;
import io.lyncemu.core.topology.TopologyLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

class FederationTest {
  private final TopologyLoader loader = new TopologyLoader();

  @Test
  void aFreshInstallHasFederationOffAndEveryExternalAccessSwitchOff() {
    Federation federation = loader.builtIn("lync-defaults").federation();

    assertThat(federation.accessEdge().allowFederatedUsers()).isFalse();
    assertThat(federation.accessEdge().routingMethod())
        .isEqualTo(RoutingMethod.USE_DNS_SRV_ROUTING);
    assertThat(federation.allowedDomains()).isEmpty();
    assertThat(federation.hostingProviders()).isEmpty();
    assertThat(federation.xmppPartners()).isEmpty();
    assertThat(federation.xmppRouteAssigned()).isFalse();
    ExternalAccessPolicy global = federation.globalExternalAccessPolicy();
    assertThat(global.enableFederationAccess()).isFalse();
    assertThat(global.enableXmppAccess()).isFalse();
    assertThat(federation.xmppGateway())
        .extracting(
            XmppGatewayConfiguration::partnerConnectionLimit,
            XmppGatewayConfiguration::streamEstablishmentTimeout,
            XmppGatewayConfiguration::streamInactivityTimeout,
            XmppGatewayConfiguration::keepAliveInterval)
        .containsExactly(20, 60, 600, 300);
  }

  @Test
  void theDefaultTopologyIsConfiguredAsTheSeedsDescribe() {
    Topology topology = loader.builtIn("litwareinc");
    Federation federation = topology.federation();

    assertThat(federation.accessEdge().allowFederatedUsers()).isTrue();
    assertThat(federation.allowedDomain("push.lync.com")).isPresent();
    HostingProvider lyncOnline =
        federation.hostingProviderFor("sipfed.online.lync.com").orElseThrow();
    assertThat(lyncOnline.identity()).isEqualTo("LyncOnline");
    assertThat(lyncOnline.enabled()).isTrue();
    assertThat(lyncOnline.verificationLevel()).isEqualTo(VerificationLevel.USE_SOURCE_VERIFICATION);
    XmppAllowedPartner fabrikam = federation.xmppPartnerFor("FABRIKAM.com").orElseThrow();
    assertThat(fabrikam.tlsNegotiation()).isEqualTo(Negotiation.OPTIONAL);
    assertThat(fabrikam.partnerType()).isEqualTo(XmppPartnerType.FEDERATED);
    assertThat(federation.xmppFederationRoute()).isEqualTo("atl-edge-001.litwareinc.com");
    assertThat(
            topology
                .externalAccessPolicyOf(
                    topology.findUser("sip:kenmyer@litwareinc.com").orElseThrow())
                .enableXmppAccess())
        .isTrue();
    assertThat(topology.edge().externalCertificateNames())
        .containsExactly("sip.litwareinc.com", "litwareinc.com");
  }

  @Test
  void aSecondHostingProviderForTheSameProxyFqdnIsRefusedNamingTheFirst() {
    Federation federation = loader.builtIn("litwareinc").federation();
    HostingProvider second =
        new HostingProvider(
            "LyncOnlineHybrid",
            "sipfed.online.lync.com",
            true,
            true,
            true,
            false,
            null,
            null,
            null);

    assertThatThrownBy(
            () ->
                federation.withHostingProviders(
                    List.of(federation.hostingProviders().get(0), second)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sipfed.online.lync.com")
        .hasMessageContaining("LyncOnline");
  }

  @Test
  void enumValuesAreReadTheWayThecmdletsPrintThem() {
    assertThat(Negotiation.parse("NotSupported")).isEqualTo(Negotiation.NOT_SUPPORTED);
    assertThat(Negotiation.NOT_SUPPORTED.toString()).isEqualTo("NotSupported");
    assertThat(XmppPartnerType.parse("publicunverified"))
        .isEqualTo(XmppPartnerType.PUBLIC_UNVERIFIED);
    assertThat(VerificationLevel.USE_SOURCE_VERIFICATION.toString())
        .isEqualTo("UseSourceVerification");
    assertThatThrownBy(() -> Negotiation.parse("Sometimes"))
        .hasMessageContaining("Required, Optional, NotSupported");
  }

  @Test
  void aTopologyFileNamingAnUndefinedExternalAccessPolicyIsRejected() {
    String yaml =
        """
        sip-domain: litwareinc.com
        users:
          - sam-account-name: ken
            sip-address: sip:ken@litwareinc.com
            external-access-policy: FedPic
        """;
    assertThatThrownBy(() -> loader.parse(yaml, "t.yaml"))
        .isInstanceOf(TopologyException.class)
        .hasMessageContaining("FedPic");
  }
}
