package io.lyncemu.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.lyncemu.core.cmdlets.AccessEdgeConfigurationCmdlets;
import io.lyncemu.core.cmdlets.AllowedDomainCmdlets;
import io.lyncemu.core.cmdlets.CertificateCmdlets;
import io.lyncemu.core.cmdlets.ClockCmdlets;
import io.lyncemu.core.cmdlets.ConfigurationCmdlets;
import io.lyncemu.core.cmdlets.DnsServerResourceRecordCmdlets;
import io.lyncemu.core.cmdlets.ExternalAccessPolicyCmdlets;
import io.lyncemu.core.cmdlets.FederationRouteCmdlets;
import io.lyncemu.core.cmdlets.MobilityPolicyCmdlets;
import io.lyncemu.core.cmdlets.ServiceCmdlets;
import io.lyncemu.core.cmdlets.UserCmdlets;
import io.lyncemu.core.cmdlets.XmppGatewayConfigurationCmdlets;
import io.lyncemu.core.cmdlets.XmppPartnerCmdlets;
import io.lyncemu.core.fault.FaultPlan;
import io.lyncemu.core.journal.InMemoryEventJournal;
import io.lyncemu.core.lifecycle.Service;
import io.lyncemu.core.management.CmdletRegistry;
import io.lyncemu.core.management.CommandLine;
import io.lyncemu.core.scenario.Scenario;
import io.lyncemu.core.scenario.ScenarioCatalog;
import io.lyncemu.core.scenario.ScenarioRunner;
import io.lyncemu.core.services.EmulatedWindowsService;
import io.lyncemu.core.services.WindowsServices;
import io.lyncemu.core.time.EmulatorClock;
import io.lyncemu.core.tls.LocalCertificateAuthority;
import io.lyncemu.core.topology.Deployment;
import io.lyncemu.core.topology.Topology;
import io.lyncemu.core.topology.TopologyLoader;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CatalogueTest {
  @TempDir Path caDir;

  private static final ScenarioCatalog CATALOG =
      ScenarioCatalog.fromClasspath(CatalogueTest.class.getClassLoader());

  static java.util.List<String> names() {
    return CATALOG.list().stream().map(Scenario::name).toList();
  }

  /**
   * A stand-in for the web server: only its running state matters to Stop-/Start-CsWindowsService.
   */
  private static final class Switch implements Service {
    private boolean running = true;

    @Override
    public String name() {
      return "web";
    }

    @Override
    public void start() {
      running = true;
    }

    @Override
    public void stop() {
      running = false;
    }

    @Override
    public boolean isRunning() {
      return running;
    }

    @Override
    public Map<String, InetSocketAddress> endpoints() {
      return Map.of();
    }
  }

  @Test
  void shipsTheScenariosOfTheFoundationIssue() {
    assertThat(names())
        .contains(
            "webticket-ntlm-401",
            "user-disabled",
            "user-unknown",
            "wrong-password",
            "mobility-policy-disabled",
            "windows-auth-none",
            "windows-auth-ntlm-only",
            "mcx-service-stopped",
            "mcx-service-hang",
            "mcx-session-expired");
  }

  @Test
  void shipsTheSipFederationScenarios() {
    assertThat(names()).contains("sip-federation-disabled", "sip-allowed-domain-missing");
  }

  @ParameterizedTest
  @MethodSource("names")
  void everyScenarioDocumentsItselfAndNamesATransaction(String name) {
    Scenario scenario = CATALOG.find(name).orElseThrow();

    assertThat(scenario.title()).isNotBlank();
    assertThat(scenario.symptom()).isNotBlank();
    assertThat(scenario.source()).isNotBlank();
    assertThat(CommandLine.parse(scenario.expect().transaction()).cmdlet())
        .isIn("Test-CsMcxP2PIM", "Test-CsXmppIM", "Test-CsFederatedPartner");
    assertThat(scenario.expect().result()).isEqualTo("Failure");
    assertThat(
            scenario.expect().errorMessage().isEmpty()
                && scenario.expect().errorContains().isEmpty())
        .isFalse();
  }

  @Test
  void shipsTheXmppFederationScenarios() {
    assertThat(names())
        .contains(
            "xmpp-proxy-stopped",
            "xmpp-route-not-assigned",
            "xmpp-srv-missing",
            "edge-cert-missing-sip-domain",
            "edge-not-restarted-after-cert-change",
            "xmpp-access-disabled",
            "xmpp-partner-not-allowed",
            "xmpp-partner-requires-tls",
            "xmpp-edge-requires-tls",
            "xmpp-dialback-rejected",
            "xmpp-stream-timeout");
    for (String needsAPartner :
        List.of(
            "xmpp-srv-missing",
            "edge-cert-missing-sip-domain",
            "edge-not-restarted-after-cert-change",
            "xmpp-partner-requires-tls",
            "xmpp-edge-requires-tls",
            "xmpp-dialback-rejected")) {
      assertThat(CATALOG.find(needsAPartner).orElseThrow().partner())
          .as("partner: of %s", needsAPartner)
          .isNotBlank();
    }
  }

  /**
   * Applies and clears each scenario against the core cmdlets only (no listeners): the Windows
   * services the app registers are stand-ins here. That every cmdlet a scenario names exists in the
   * full app, and what it does on the wire, is checked by emulator-it.
   */
  @ParameterizedTest
  @MethodSource("names")
  void everyScenarioAppliesAndClearsBackToTheOriginalTopology(String name) {
    EmulatorClock clock = EmulatorClock.system();
    InMemoryEventJournal journal = new InMemoryEventJournal(clock);
    Topology original = new TopologyLoader().builtIn("litwareinc");
    Deployment deployment = new Deployment(original, journal);
    WindowsServices services = new WindowsServices(journal);
    Switch web = new Switch();
    services.register(
        new EmulatedWindowsService("W3SVC", "World Wide Web Publishing Service", "WebServer", web));
    Switch xmppProxy = new Switch();
    services.register(
        new EmulatedWindowsService(
            "RTCXMPPTGWPX",
            "Lync Server XMPP Translating Gateway Proxy",
            "EdgeServer:" + original.edge().internalFqdn(),
            xmppProxy));
    CmdletRegistry cmdlets =
        new CmdletRegistry(journal)
            .registerAll(new UserCmdlets(deployment).all())
            .registerAll(new MobilityPolicyCmdlets(deployment).all())
            .registerAll(new ConfigurationCmdlets(deployment).all())
            .registerAll(new XmppPartnerCmdlets(deployment).all())
            .registerAll(new XmppGatewayConfigurationCmdlets(deployment).all())
            .registerAll(new ExternalAccessPolicyCmdlets(deployment).all())
            .registerAll(new FederationRouteCmdlets(deployment).all())
            .registerAll(new DnsServerResourceRecordCmdlets(deployment, journal).all())
            .registerAll(
                new CertificateCmdlets(
                        deployment, LocalCertificateAuthority.openOrCreate(caDir, clock), journal)
                    .all())
            .registerAll(new AccessEdgeConfigurationCmdlets(deployment).all())
            .registerAll(new AllowedDomainCmdlets(deployment).all())
            .registerAll(new ServiceCmdlets(deployment, services).all())
            .registerAll(new ClockCmdlets(clock, journal).all());
    FaultPlan faults = new FaultPlan(clock, journal);
    ScenarioRunner runner = new ScenarioRunner(deployment, cmdlets, faults, services, journal);
    Scenario scenario = CATALOG.find(name).orElseThrow();

    assertThatCode(() -> runner.apply(scenario)).doesNotThrowAnyException();
    assertThat(faults.rules()).hasSize(scenario.faults().size());
    runner.clear();

    assertThat(deployment.current()).isEqualTo(original);
    assertThat(faults.rules()).isEmpty();
    assertThat(web.isRunning()).isTrue();
    assertThat(xmppProxy.isRunning()).isTrue();
  }
}
