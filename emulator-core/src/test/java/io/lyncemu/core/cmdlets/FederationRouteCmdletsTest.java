package io.lyncemu.core.cmdlets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lyncemu.core.management.CmdletException;
import org.junit.jupiter.api.Test;

class FederationRouteCmdletsTest {
  private final FederationCmdletsFixture lync = new FederationCmdletsFixture("litwareinc");

  @Test
  void showsTheAssignedRoutes() {
    assertThat(lync.text("Get-CsEmulatorFederationRoute"))
        .isEqualTo(
            """

            Site                : Site:Redmond
            XmppFederationRoute : atl-edge-001.litwareinc.com
            SipFederationRoute  : atl-edge-001.litwareinc.com
            """);
  }

  @Test
  void unassignsAndAssignsTheXmppRoute() {
    lync.run("Set-CsEmulatorFederationRoute -Xmpp $null");
    assertThat(lync.deployment.current().federation().xmppRouteAssigned()).isFalse();
    assertThat(lync.text("Get-CsEmulatorFederationRoute"))
        .contains("XmppFederationRoute : (not assigned)");

    lync.run("Set-CsEmulatorFederationRoute -Xmpp ATL-EDGE-001.litwareinc.com");
    assertThat(lync.deployment.current().federation().xmppFederationRoute())
        .isEqualTo("atl-edge-001.litwareinc.com");

    lync.run("Set-CsEmulatorFederationRoute -ClearXmpp");
    assertThat(lync.deployment.current().federation().xmppRouteAssigned()).isFalse();
  }

  @Test
  void anUnknownEdgePoolIsRefused() {
    assertThatThrownBy(() -> lync.run("Set-CsEmulatorFederationRoute -Xmpp edge.contoso.com"))
        .isInstanceOf(CmdletException.class)
        .hasMessageContaining("Cannot find an Edge pool \"edge.contoso.com\"");
    assertThat(lync.registry.find("Set-CsEmulatorFederationRoute").orElseThrow().synopsis())
        .startsWith("Emulator cmdlet:");
  }
}
