package io.lyncemu.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lyncemu.core.journal.EventKind;
import io.lyncemu.core.journal.JournalQuery;
import io.lyncemu.core.lifecycle.PortBindException;
import io.lyncemu.core.lifecycle.StartupException;
import io.lyncemu.core.management.CmdletException;
import io.lyncemu.core.management.CmdletOutput;
import io.lyncemu.core.scenario.Scenario;
import io.lyncemu.core.topology.Topology;
import io.lyncemu.core.topology.TopologyException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LyncEmulatorTest {
  @TempDir Path stateDir;

  private LyncEmulator.Builder ephemeral() {
    return LyncEmulator.builder().ports(PortPlan.ephemeral()).stateDir(stateDir);
  }

  @Test
  void startReturnsWithEveryListenerBoundOnLoopback() {
    LyncEmulator lync = ephemeral().build();
    try {
      lync.start();

      assertThat(lync.endpoints())
          .containsOnlyKeys(
              "admin",
              "web-https",
              "web-http",
              "dns",
              "xmpp-s2s",
              "xmpp-internal",
              "access-edge-tls",
              "access-edge-tcp");
      assertThat(lync.endpoints().values())
          .allSatisfy(
              address -> {
                assertThat(address.getPort()).isPositive();
                assertThat(address.getHostString()).isEqualTo("127.0.0.1");
              });
      assertThat(lync.unboundListeners()).isEmpty();
      assertThat(lync.isRunning()).isTrue();
    } finally {
      lync.stop();
    }
  }

  @Test
  void stopReleasesEveryPort() throws IOException {
    LyncEmulator lync = ephemeral().build();
    Map<String, InetSocketAddress> bound;
    try {
      lync.start();
      bound = lync.endpoints();
    } finally {
      lync.stop();
    }

    assertThat(lync.endpoints()).isEmpty();
    for (InetSocketAddress address : bound.values()) {
      try (ServerSocket socket = new ServerSocket(address.getPort(), 1, address.getAddress())) {
        assertThat(socket.getLocalPort()).isEqualTo(address.getPort());
      }
    }
  }

  @Test
  void writesTheBoundEndpointsIntoTheStateDirectory() throws IOException {
    try (LyncEmulator lync = ephemeral().build()) {
      lync.start();

      String json = Files.readString(stateDir.resolve(LyncEmulator.ENDPOINTS_FILE));

      int admin = lync.endpoints().get("admin").getPort();
      assertThat(json).contains("\"url\" : \"http://127.0.0.1:" + admin + "/\"");
      assertThat(json).contains("\"web-https\"").contains("https://127.0.0.1:");
    }
  }

  @Test
  void exportsTheLocalCaIntoTheGivenStateDirectoryAndKeepsIt() {
    try (LyncEmulator lync = ephemeral().build()) {
      lync.start();

      assertThat(lync.certificateAuthority()).isRegularFile().startsWith(stateDir);
    }

    assertThat(stateDir.resolve("lyncemu-ca.pem")).isRegularFile();
  }

  @Test
  void deletesItsTemporaryStateDirectoryOnStop() {
    LyncEmulator lync = LyncEmulator.builder().ports(PortPlan.ephemeral()).build();
    Path temporary = lync.stateDir();
    try {
      lync.start();
      assertThat(temporary).isDirectory();
    } finally {
      lync.stop();
    }

    assertThat(temporary).doesNotExist();
  }

  @Test
  void runsCmdletsByCommandLine() {
    try (LyncEmulator lync = ephemeral().build()) {
      lync.start();

      lync.invoke("Set-CsUser -Identity sip:kenmyer@litwareinc.com -Enabled $False");
      CmdletOutput output = lync.invoke("Get-CsUser -Identity sip:kenmyer@litwareinc.com");

      assertThat(output.objects())
          .singleElement()
          .satisfies(u -> assertThat(u.get("Enabled")).isEqualTo(false));
      assertThat(lync.journal().query(JournalQuery.kind(EventKind.CMDLET_INVOKED))).hasSize(2);
    }
  }

  @Test
  void reportsCmdletErrorsAsPowerShellDoes() {
    try (LyncEmulator lync = ephemeral().adminApi(false).build()) {
      assertThatThrownBy(() -> lync.invoke("Get-CsUser -Identity sip:nobody@litwareinc.com"))
          .isInstanceOf(CmdletException.class)
          .hasMessageContaining("Management object not found");
    }
  }

  @Test
  void listsTheWebServicesAsTheW3svcWindowsService() {
    try (LyncEmulator lync = ephemeral().build()) {
      lync.start();

      CmdletOutput output = lync.invoke("Get-CsWindowsService -Name W3SVC");

      assertThat(output.objects())
          .singleElement()
          .satisfies(
              service -> {
                assertThat(service.get("Status")).isEqualTo("Running");
                assertThat(service.get("DisplayName"))
                    .isEqualTo("World Wide Web Publishing Service");
                assertThat(service.get("Role")).isEqualTo("WebServer:atl-cs-001.litwareinc.com");
              });
    }
  }

  @Test
  void stoppingW3svcUnbindsTheWebListeners() {
    try (LyncEmulator lync = ephemeral().build()) {
      lync.start();

      lync.invoke("Stop-CsWindowsService -Name W3SVC");

      assertThat(lync.unboundListeners()).containsExactly("web-https", "web-http");
      assertThat(lync.endpoints())
          .containsOnlyKeys(
              "admin", "dns", "xmpp-s2s", "xmpp-internal", "access-edge-tls", "access-edge-tcp");
    }
  }

  @Test
  void failsClearlyWhenAPortIsTakenAndLeavesNothingRunning() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      LyncEmulator lync =
          LyncEmulator.builder()
              .ports(PortPlan.ephemeral().withPort("admin", taken.getLocalPort()))
              .stateDir(stateDir)
              .build();

      assertThatThrownBy(lync::start)
          .isInstanceOf(PortBindException.class)
          .hasMessageContaining("listener 'admin' could not bind 127.0.0.1:" + taken.getLocalPort())
          .hasMessageContaining("--port admin=N")
          .hasMessageContaining("--ports ephemeral");
      assertThat(lync.isRunning()).isFalse();
      assertThat(lync.endpoints()).isEmpty();
      lync.stop();
    }
  }

  @Test
  void refusesAPortPlanThatNamesAnUnknownListener() {
    assertThatThrownBy(
            () -> ephemeral().ports(PortPlan.ephemeral().withPort("web-htps", 1)).build())
        .isInstanceOf(StartupException.class)
        .hasMessageContaining("unknown listener 'web-htps'")
        .hasMessageContaining("web-https");
  }

  @Test
  void namesTheFileWhenTheTopologyIsMissing() {
    assertThatThrownBy(() -> ephemeral().topology("no-such-topology.yaml").build())
        .isInstanceOf(TopologyException.class)
        .hasMessageContaining("no-such-topology.yaml");
  }

  @Test
  void startsTheLyncDefaultsTopology() {
    try (LyncEmulator lync = ephemeral().topology("lync-defaults").build()) {
      lync.start();

      assertThat(lync.deployment().current().name()).isEqualTo("lync-defaults");
    }
  }

  @Test
  void appliesTheBuilderScenarioOnStartAndClearsItOnRequest() {
    try (LyncEmulator lync = ephemeral().scenario("app-test-ken-disabled").build()) {
      lync.start();

      assertThat(lync.scenarios().active())
          .hasValueSatisfying(s -> assertThat(s.name()).isEqualTo("app-test-ken-disabled"));
      assertThat(lync.deployment().current().findUser("sip:kenmyer@litwareinc.com"))
          .hasValueSatisfying(u -> assertThat(u.isEnabled()).isFalse());

      lync.scenarios().clear();

      assertThat(lync.scenarios().active()).isEmpty();
      assertThat(lync.deployment().current().findUser("sip:kenmyer@litwareinc.com"))
          .hasValueSatisfying(u -> assertThat(u.isEnabled()).isTrue());
    }
  }

  @Test
  void refusesAnUnknownScenarioBeforeStarting() {
    assertThatThrownBy(() -> ephemeral().scenario("no-such-scenario").build())
        .hasMessageContaining("no scenario 'no-such-scenario'");
  }

  @Test
  void cannotBeRestartedAfterStop() {
    LyncEmulator lync = ephemeral().adminApi(false).build();
    lync.start();
    lync.stop();

    assertThatThrownBy(lync::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("build a new one");
  }

  @Test
  void runsWithoutTheAdminApi() {
    try (LyncEmulator lync = ephemeral().adminApi(false).build()) {
      lync.start();

      assertThat(lync.endpoints()).doesNotContainKey("admin");
      assertThat(lync.adminUrl()).isEmpty();
    }
  }

  @Test
  void appliesAndClearsEveryShippedScenario() {
    try (LyncEmulator lync = ephemeral().build()) {
      lync.start();
      Topology before = lync.deployment().current();

      assertThat(lync.scenarios().list()).isNotEmpty();
      for (Scenario scenario : lync.scenarios().list()) {
        lync.scenarios().apply(scenario.name());
        assertThat(lync.scenarios().active()).contains(scenario);
        lync.scenarios().clear();

        assertThat(lync.deployment().current()).as(scenario.name()).isEqualTo(before);
        assertThat(lync.unboundListeners()).as(scenario.name()).isEmpty();
      }
    }
  }
}
