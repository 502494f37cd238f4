package io.lyncemu.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lyncemu.app.LyncEmulator;
import io.lyncemu.app.PortPlan;
import io.lyncemu.core.journal.EventKind;
import io.lyncemu.core.journal.JournalQuery;
import io.lyncemu.core.management.CmdletOutput;
import io.lyncemu.core.management.CommandLine;
import io.lyncemu.core.management.PsObject;
import io.lyncemu.core.scenario.Scenario;
import io.lyncemu.core.scenario.ScenarioCatalog;
import io.lyncemu.edge.peers.PartnerXmppClient;
import io.lyncemu.it.xmpp.XmppPartner;
import io.lyncemu.it.xmpp.XmppPartner.Security;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.jivesoftware.smack.packet.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every XMPP federation scenario (transaction Test-CsXmppIM) against a whole emulator on ephemeral
 * ports and a real Prosody for fabrikam.com shaped by the scenario's {@code partner:} text ({@link
 * #security}), found through the emulator's embedded DNS. Applied, the transaction fails as the
 * file says and each diagnose command shows what it promises; cleared, the same transaction
 * succeeds and alice@fabrikam.com receives the message. Skipped without Prosody unless
 * LYNCEMU_REQUIRE_PEERS=1.
 */
class FederationScenariosIT {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final int HEALING_ATTEMPTS = 3;

  @TempDir Path stateDir;
  private LyncEmulator lync;
  private XmppPartner partner;
  private PartnerXmppClient alice;

  static List<String> scenarios() {
    return ScenarioCatalog.fromClasspath(FederationScenariosIT.class.getClassLoader())
        .list()
        .stream()
        .filter(FederationScenariosIT::isXmpp)
        .map(Scenario::name)
        .toList();
  }

  /** The partner a scenario's {@code partner:} text describes. */
  static Security security(String partnerText) {
    String t = partnerText.toLowerCase(Locale.ROOT);
    if (t.contains("verifies server certificates")) {
      return Security.TLS_SECURE_AUTH;
    }
    if (t.contains("requires tls")) {
      return Security.TLS_SASL_EXTERNAL;
    }
    if (t.contains("without a certificate")) {
      return Security.PLAIN_DIALBACK;
    }
    return Security.TLS_OPTIONAL_DIALBACK;
  }

  static boolean isXmpp(Scenario scenario) {
    return CommandLine.parse(scenario.expect().transaction())
        .cmdlet()
        .equalsIgnoreCase("Test-CsXmppIM");
  }

  @AfterEach
  void stop() {
    try {
      if (partner != null) {
        partner.close();
      }
    } finally {
      if (lync != null) {
        lync.stop();
      }
    }
  }

  @ParameterizedTest
  @MethodSource("scenarios")
  void xmppScenarioShowsItsSymptomAndDiagnosisAndHeals(String name) throws Exception {
    lync = LyncEmulator.builder().ports(PortPlan.ephemeral()).stateDir(stateDir).build();
    lync.start();
    Scenario scenario =
        ScenarioCatalog.fromClasspath(getClass().getClassLoader()).find(name).orElseThrow();
    partner = XmppPartner.start(lync, security(scenario.partner()));
    alice = partner.client("alice");
    awaitGatewayLinkUp();

    try {
      lync.scenarios().apply(name);
      ScenarioChecks.symptomAndDiagnosis(lync, scenario);

      lync.scenarios().clear();
      awaitGatewayLinkUp();
      healed(scenario);
    } catch (AssertionError | RuntimeException e) {
      throw new AssertionError(e.getMessage() + "\n" + evidence(), e);
    }
  }

  /**
   * Cleared, the scenario's own transaction succeeds and alice receives the message. The partner's
   * resolver may still hold a negative answer cached while the scenario was active (as a real
   * partner's would), so a few attempts are allowed.
   */
  private void healed(Scenario scenario) {
    Message delivered = null;
    for (int attempt = 1; attempt <= HEALING_ATTEMPTS && delivered == null; attempt++) {
      CmdletOutput healed = lync.invoke(scenario.expect().transaction());
      PsObject result = healed.objects().get(0);
      assertThat(result.get("Result"))
          .as("after clearing %s: %s", scenario.name(), result.get("Error Message"))
          .isEqualTo("Success");
      try {
        delivered = alice.awaitMessage(WAIT);
      } catch (AssertionError notYet) {
        if (attempt == HEALING_ATTEMPTS) {
          throw notYet;
        }
      }
    }
    assertThat(delivered.getBody()).startsWith("Test-CsXmppIM");
  }

  /** The FE gateway's 23456 stream to the Edge is up (ESTABLISHED rows under -Port 23456). */
  private void awaitGatewayLinkUp() {
    await("the FE XMPP gateway connected to the Edge")
        .atMost(WAIT)
        .until(
            () ->
                lync.invoke("Get-CsEmulatorNetstat -Port 23456").objects().stream()
                    .anyMatch(row -> "ESTABLISHED".equals(row.get("State"))));
  }

  private String evidence() {
    StringBuilder out = new StringBuilder("=== prosody ===\n");
    out.append(partner == null ? "(not started)" : partner.logTail());
    out.append("\n=== journal (xmpp, faults) ===\n");
    lync.journal().query(JournalQuery.all()).stream()
        .filter(
            e ->
                e.kind().name().startsWith("XMPP")
                    || e.kind() == EventKind.FAULT_INJECTED
                    || e.kind() == EventKind.DNS_QUERY)
        .forEach(e -> out.append(e).append('\n'));
    return out.toString();
  }
}
