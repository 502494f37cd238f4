package io.lyncemu.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.lyncemu.app.LyncEmulator;
import io.lyncemu.core.management.CmdletOutput;
import io.lyncemu.core.management.PowerShellFormatter;
import io.lyncemu.core.management.PsObject;
import io.lyncemu.core.scenario.Expectation;
import io.lyncemu.core.scenario.Scenario;
import io.lyncemu.edge.peers.Peer;
import io.lyncemu.edge.peers.SippPeer;
import io.lyncemu.junit.LyncEmulatorTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SIP federation scenarios against a whole emulator and a real partner edge: SIPp (TCP, as
 * Debian's build has no TLS) plays contoso.com's edge, answering 200 to everything; the emulator's
 * DNS points {@code _sipfederationtls._tcp.contoso.com} at it and {@code
 * Set-CsEmulatorPartnerTransport} makes the Access Edge dial it over TCP, all through cmdlets. The
 * scenario's transaction (Test-CsFederatedPartner) succeeds before the scenario, fails exactly as
 * the scenario file says while it is applied (without reaching SIPp: the Edge refuses first), and
 * succeeds again once cleared. ScenarioCatalogueIT's generic loop leaves these scenarios to this
 * class.
 */
@LyncEmulatorTest
class SipFederationScenariosIT {
  private static final String DOMAIN = "contoso.com";
  private static final String HOST = "sip." + DOMAIN;
  private static final String SRV_NAME = "_sipfederationtls._tcp";
  private final LyncEmulator lync;

  SipFederationScenariosIT(LyncEmulator lync) {
    this.lync = lync;
  }

  @AfterEach
  void tidyUp() {
    lync.scenarios().clear();
    removeContosoRecords();
    lync.invoke("Set-CsEmulatorPartnerTransport -Fqdn " + HOST + " -Transport Tls");
  }

  @ParameterizedTest
  @ValueSource(strings = {"sip-federation-disabled", "sip-allowed-domain-missing"})
  void scenarioBreaksFederationWithARealPartnerAndClearsCleanly(String name) throws Exception {
    Peer.sipp().require();
    try (SippPeer contoso = SippPeer.uas(200)) {
      publishContoso(contoso.port());
      lync.invoke("Set-CsEmulatorPartnerTransport -Fqdn " + HOST + " -Transport Tcp");
      assertThat(
              PowerShellFormatter.formatList(
                  lync.invoke("Get-CsEmulatorPartnerTransport").objects()))
          .contains(HOST)
          .contains("Tcp");

      Scenario scenario = lync.scenarios().find(name).orElseThrow();
      Expectation expect = scenario.expect();
      assertSucceeds(expect.transaction(), "before " + name, contoso);
      int reachedBefore = contoso.result().receivedRequests().size();
      assertThat(reachedBefore).as(contoso.result().toString()).isEqualTo(1);

      lync.scenarios().apply(name);
      CmdletOutput output = lync.invoke(expect.transaction());
      PsObject result = output.objects().get(0);
      String shown = PowerShellFormatter.formatList(output.objects());
      assertThat(result.get("Result")).as(shown).isEqualTo(expect.result());
      assertThat(output.succeeded()).isFalse();
      String error = String.valueOf(result.get("Error"));
      if (!expect.errorMessage().isEmpty()) {
        assertThat(error).as(shown).isEqualTo(expect.errorMessage());
      }
      expect.errorContains().forEach(fragment -> assertThat(error).as(shown).contains(fragment));
      String diagnosis = String.valueOf(result.get("Diagnosis"));
      assertThat(expect.diagnosisContains()).isNotEmpty();
      expect
          .diagnosisContains()
          .forEach(fragment -> assertThat(diagnosis).as(shown).contains(fragment));
      assertThat(expect.diagnose()).isNotEmpty();
      for (Expectation.DiagnosticStep step : expect.diagnose()) {
        String diagnostic = PowerShellFormatter.formatList(lync.invoke(step.command()).objects());
        step.outputContains()
            .forEach(f -> assertThat(diagnostic).as("%s: %s", name, step.command()).contains(f));
        step.outputLacks()
            .forEach(
                f -> assertThat(diagnostic).as("%s: %s", name, step.command()).doesNotContain(f));
      }
      // The Edge refused on its own configuration: the partner never saw the request.
      assertThat(contoso.result().receivedRequests()).hasSize(reachedBefore);

      lync.scenarios().clear();
      assertSucceeds(expect.transaction(), "after clearing " + name, contoso);
      assertThat(contoso.result().receivedRequests()).hasSize(reachedBefore + 1);
    }
  }

  private void assertSucceeds(String transaction, String when, SippPeer contoso) {
    CmdletOutput output = lync.invoke(transaction);
    assertThat(output.objects().get(0).get("Result"))
        .as("%s: %s\n%s", when, PowerShellFormatter.formatList(output.objects()), contoso.result())
        .isEqualTo("Success");
  }

  /** contoso.com's zone (if absent), {@code sip A 127.0.0.1} and the federation SRV → SIPp. */
  private void publishContoso(int port) {
    if (!lync.deployment().current().dns().zones().contains(DOMAIN)) {
      lync.invoke("Add-DnsServerPrimaryZone -Name " + DOMAIN + " -ZoneFile " + DOMAIN + ".dns");
    }
    removeContosoRecords();
    lync.invoke(
        "Add-DnsServerResourceRecordA -ZoneName " + DOMAIN + " -Name sip -IPv4Address 127.0.0.1");
    lync.invoke(
        "Add-DnsServerResourceRecord -ZoneName "
            + DOMAIN
            + " -Name "
            + SRV_NAME
            + " -Srv -DomainName "
            + HOST
            + " -Priority 0 -Weight 0 -Port "
            + port);
  }

  private void removeContosoRecords() {
    if (!lync.deployment().current().dns().zones().contains(DOMAIN)) {
      return;
    }
    for (String[] record : new String[][] {{SRV_NAME, "Srv"}, {"sip", "A"}}) {
      boolean present =
          lync.deployment().current().dns().inZone(DOMAIN).stream()
              .anyMatch(r -> r.hostName().equalsIgnoreCase(record[0]));
      if (present) {
        lync.invoke(
            "Remove-DnsServerResourceRecord -ZoneName "
                + DOMAIN
                + " -Name "
                + record[0]
                + " -RRType "
                + record[1]
                + " -Force");
      }
    }
  }
}
