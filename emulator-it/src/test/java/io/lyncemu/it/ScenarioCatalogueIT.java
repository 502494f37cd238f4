package io.lyncemu.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.lyncemu.app.LyncEmulator;
import io.lyncemu.core.management.CmdletOutput;
import io.lyncemu.core.management.CommandLine;
import io.lyncemu.core.scenario.Scenario;
import io.lyncemu.core.scenario.ScenarioCatalog;
import io.lyncemu.junit.LyncEmulatorTest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shipped scenario except the XMPP federation ones ({@link FederationScenariosIT}, which need
 * a partner), against a whole emulator: applied, its transaction reports exactly what the scenario
 * file promises and its diagnose commands show what they promise; cleared, it is healed.
 */
@LyncEmulatorTest
class ScenarioCatalogueIT {
  private final LyncEmulator lync;

  ScenarioCatalogueIT(LyncEmulator lync) {
    this.lync = lync;
  }

  static List<String> scenarios() {
    return ScenarioCatalog.fromClasspath(ScenarioCatalogueIT.class.getClassLoader()).list().stream()
        // The federation scenarios need partners (Prosody, SIPp): their own ITs run them.
        .filter(scenario -> !FederationScenariosIT.isXmpp(scenario))
        .filter(scenario -> !scenario.expect().transaction().startsWith("Test-CsFederatedPartner"))
        .map(Scenario::name)
        .toList();
  }

  @AfterEach
  void clear() {
    lync.scenarios().clear();
  }

  @ParameterizedTest
  @MethodSource("scenarios")
  void scenarioProducesItsDocumentedSymptomAndClearsCleanly(String name) {
    Scenario scenario = lync.scenarios().apply(name);

    ScenarioChecks.symptomAndDiagnosis(lync, scenario);

    lync.scenarios().clear();
    CmdletOutput healed = lync.invoke(healingTransaction(scenario));
    assertThat(healed.objects().get(0).get("Result"))
        .as("after clearing %s: %s", name, healed.objects().get(0).get("Error Message"))
        .isEqualTo("Success");
  }

  /**
   * A scenario is healed when its own transaction succeeds again. Test-CsMcxP2PIM scenarios are
   * judged on the default users, since some run the transaction as a user who does not exist.
   */
  static String healingTransaction(Scenario scenario) {
    String transaction = scenario.expect().transaction();
    return CommandLine.parse(transaction).cmdlet().equalsIgnoreCase("Test-CsMcxP2PIM")
        ? MobileSignInIT.TEST_CS_MCX_P2P_IM
        : transaction;
  }
}
