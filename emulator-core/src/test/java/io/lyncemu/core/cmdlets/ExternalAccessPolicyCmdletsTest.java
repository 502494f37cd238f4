package io.lyncemu.core.cmdlets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lyncemu.core.management.CmdletException;
import org.junit.jupiter.api.Test;

class ExternalAccessPolicyCmdletsTest {
  private final FederationCmdletsFixture lync = new FederationCmdletsFixture("lync-defaults");

  @Test
  void theGlobalPolicyHasEveryFlagOffByDefault() {
    assertThat(lync.text("Get-CsExternalAccessPolicy -Identity Global"))
        .isEqualTo(
            """

            Identity                          : Global
            Description                       :
            EnableFederationAccess            : False
            EnableXmppAccess                  : False
            EnablePublicCloudAccess           : False
            EnablePublicCloudAudioVideoAccess : False
            EnableOutsideAccess               : False
            """);
  }

  @Test
  void theSeedLinesWorkAsInLyncIncludingTheAbbreviatedParameter() {
    lync.run(
        "New-CsExternalAccessPolicy -Identity FedPic -EnableFederationAcces $true"
            + " -EnablePublicCloudAccess $true");
    lync.run("Get-CsUser | Grant-CsExternalAccessPolicy -PolicyName FedPic");
    lync.run("Set-CsExternalAccessPolicy -Identity FedPic -EnableXmppAccess $true");

    var topology = lync.deployment.current();
    assertThat(topology.users())
        .isNotEmpty()
        .allSatisfy(
            user -> {
              var policy = topology.externalAccessPolicyOf(user);
              assertThat(policy.identity()).isEqualTo("Tag:FedPic");
              assertThat(policy.enableFederationAccess()).isTrue();
              assertThat(policy.enablePublicCloudAccess()).isTrue();
              assertThat(policy.enableXmppAccess()).isTrue();
            });
    String sip = topology.users().get(0).sipAddress();
    assertThat(lync.text("Get-CsUser -Identity " + sip))
        .containsPattern("ExternalAccessPolicy +: FedPic\n");
  }

  @Test
  void theSeedLineWithoutADashFailsAsInPowerShell() {
    lync.run("New-CsExternalAccessPolicy -Identity FedPic");

    assertThatThrownBy(
            () -> lync.run("Set-CsExternalAccessPolicy -Identity FedPic EnableXmppAccess $true"))
        .isInstanceOf(CmdletException.class)
        .hasMessage(
            "A positional parameter cannot be found that accepts argument 'EnableXmppAccess'.");
    assertThat(
            lync.deployment
                .current()
                .federation()
                .externalAccessPolicy("FedPic")
                .orElseThrow()
                .enableXmppAccess())
        .isFalse();
  }

  @Test
  void anAmbiguousPrefixNamesThePossibleMatches() {
    assertThatThrownBy(() -> lync.run("New-CsExternalAccessPolicy -Identity X -EnablePublic $true"))
        .isInstanceOf(CmdletException.class)
        .hasMessage(
            "Parameter cannot be processed because the parameter name 'EnablePublic' is"
                + " ambiguous. Possible matches include: -EnablePublicCloudAccess"
                + " -EnablePublicCloudAudioVideoAccess.");
  }

  @Test
  void grantByIdentityRevokeAndRemove() {
    String sip = lync.deployment.current().users().get(0).sipAddress();
    lync.run("New-CsExternalAccessPolicy -Identity NoFed -Description 'no federation'");
    lync.run("Grant-CsExternalAccessPolicy -Identity " + sip + " -PolicyName NoFed");
    assertThat(lync.deployment.current().findUser(sip).orElseThrow().externalAccessPolicy())
        .isEqualTo("Tag:NoFed");

    lync.run("Remove-CsExternalAccessPolicy -Identity NoFed");
    assertThat(lync.deployment.current().findUser(sip).orElseThrow().externalAccessPolicy())
        .isEmpty();
    assertThatThrownBy(() -> lync.run("Grant-CsExternalAccessPolicy " + sip + " -PolicyName NoFed"))
        .hasMessage("Management object not found for identity \"NoFed\".");
  }

  @Test
  void removingGlobalResetsItAndGlobalCannotBeGranted() {
    lync.run("Set-CsExternalAccessPolicy -EnableFederationAccess $true");
    assertThat(
            lync.deployment
                .current()
                .federation()
                .globalExternalAccessPolicy()
                .enableFederationAccess())
        .isTrue();
    String sip = lync.deployment.current().users().get(0).sipAddress();
    assertThatThrownBy(
            () -> lync.run("Grant-CsExternalAccessPolicy " + sip + " -PolicyName Global"))
        .hasMessageContaining("Only per-user (tag) policies can be granted");

    lync.run("Remove-CsExternalAccessPolicy -Identity Global");
    assertThat(
            lync.deployment
                .current()
                .federation()
                .globalExternalAccessPolicy()
                .enableFederationAccess())
        .isFalse();
  }
}
