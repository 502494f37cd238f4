package io.lyncemu.core.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopologyLoaderTest {
  private final TopologyLoader loader = new TopologyLoader();

  @Test
  void defaultTopologyIsLitwareincWithTheDocumentedUsers() {
    Topology topology = loader.builtIn("litwareinc");

    assertThat(topology.sipDomain()).isEqualTo("litwareinc.com");
    assertThat(topology.netbiosDomain()).isEqualTo("LITWAREINC");
    assertThat(topology.primaryPool().fqdn()).isEqualTo("atl-cs-001.litwareinc.com");
    assertThat(topology.edge().accessEdgeFqdn()).isEqualTo("sip.litwareinc.com");
    User ken = topology.findUser("litwareinc\\kenmyer").orElseThrow();
    assertThat(ken.sipAddress()).isEqualTo("sip:kenmyer@litwareinc.com");
    assertThat(ken.password()).isEqualTo("Ken!Lync2013");
    assertThat(topology.findUser("sip:packerman@litwareinc.com").orElseThrow().samAccountName())
        .isEqualTo("pilar");
    assertThat(topology.findByLogon("litwareinc.com", "PILAR")).isPresent();
  }

  @Test
  void omittedSettingsTakeLyncDefaults() {
    Topology topology = loader.parse("sip-domain: contoso.com\n", "inline");

    assertThat(topology.webService().useWindowsAuth()).isEqualTo(WindowsAuth.NEGOTIATE);
    assertThat(topology.webService().serverHeader()).isEqualTo("Microsoft-IIS/8.5");
    assertThat(topology.mcx().sessionExpirationInterval()).isEqualTo(259_200L);
    assertThat(topology.mcx().sessionShortExpirationInterval()).isEqualTo(3_600L);
    assertThat(topology.mcx().pushNotificationProxyUri()).isEqualTo("sip:push@push.lync.com");
    MobilityPolicy global = topology.findMobilityPolicy("Global").orElseThrow();
    assertThat(global.enableMobility()).isTrue();
    assertThat(global.enableOutsideVoice()).isTrue();
    assertThat(topology.netbiosDomain()).isEqualTo("CONTOSO");
  }

  @Test
  void lyncDefaultsKeepsTheUsersButNoCustomPolicies() {
    Topology topology = loader.load("lync-defaults");

    assertThat(topology.users()).hasSizeGreaterThanOrEqualTo(2);
    assertThat(topology.mobilityPolicies())
        .extracting(MobilityPolicy::identity)
        .containsExactly("Global");
  }

  @Test
  void unknownSettingIsReportedWithFileLineAndField(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, "sip-domain: contoso.com\nweb-service:\n  use-windows-auht: NTLM\n");

    assertThatThrownBy(() -> loader.load(file))
        .isInstanceOf(TopologyException.class)
        .hasMessageContaining("bad.yaml:3")
        .hasMessageContaining("web-service")
        .hasMessageContaining("use-windows-auht");
  }

  @Test
  void invalidValueNamesTheFieldAndTheRule() {
    assertThatThrownBy(
            () ->
                loader.parse(
                    "sip-domain: contoso.com\nmcx:\n  session-expiration-interval: 5\n", "t.yaml"))
        .isInstanceOf(TopologyException.class)
        .hasMessageContaining("t.yaml:")
        .hasMessageContaining("SessionExpirationInterval must be between 120");
  }

  @Test
  void userGrantedAnUndefinedPolicyIsRefused() {
    String text =
        """
        sip-domain: contoso.com
        users:
          - sam-account-name: bob
            sip-address: sip:bob@contoso.com
            mobility-policy: Missing
        """;

    assertThatThrownBy(() -> loader.parse(text, "t.yaml"))
        .hasMessageContaining("Tag:Missing")
        .hasMessageContaining("does not define");
  }

  @Test
  void missingFileNamesTheBuiltInAlternatives(@TempDir Path dir) {
    assertThatThrownBy(() -> loader.load(dir.resolve("nope.yaml").toString()))
        .hasMessageContaining("does not exist")
        .hasMessageContaining("lync-defaults");
  }

  @Test
  void hostNamesCoverAutodiscoverEdgeAndTheBareDomain() {
    assertThat(loader.builtIn("litwareinc").hostNames())
        .contains(
            "atl-cs-001.litwareinc.com",
            "lyncdiscover.litwareinc.com",
            "lyncdiscoverinternal.litwareinc.com",
            "sip.litwareinc.com",
            "litwareinc.com");
  }
}
