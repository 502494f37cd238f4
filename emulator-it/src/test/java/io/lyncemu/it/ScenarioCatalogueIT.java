package io.lyncemu.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.lyncemu.app.LyncEmulator;
import io.lyncemu.core.management.CmdletOutput;
import io.lyncemu.core.management.PowerShellFormatter;
import io.lyncemu.core.management.PsObject;
import io.lyncemu.core.scenario.Expectation;
import io.lyncemu.core.scenario.Scenario;
import io.lyncemu.core.scenario.ScenarioCatalog;
import io.lyncemu.junit.LyncEmulatorTest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shipped scenario, against a whole emulator: applied, it makes Test-CsMcxP2PIM report
 * exactly what the scenario file promises; cleared, the same transaction succeeds again.
 */
@LyncEmulatorTest
class ScenarioCatalogueIT {
  private final LyncEmulator lync;

  ScenarioCatalogueIT(LyncEmulator lync) {
    this.lync = lync;
  }

  static List<String> scenarios() {
    return ScenarioCatalog.fromClasspath(ScenarioCatalogueIT.class.getClassLoader()).list().stream()
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
    Expectation expect = scenario.expect();

    CmdletOutput output = lync.invoke(expect.transaction());

    PsObject result = output.objects().get(0);
    assertThat(result.get("Result")).as("Result of %s", name).isEqualTo(expect.result());
    assertThat(output.succeeded()).isEqualTo(expect.result().equals("Success"));
    // Test-CsMcxP2PIM says "Error Message"; Test-CsFederatedPartner and the push test say "Error".
    String error =
        String.valueOf(
            result.get("Error Message") != null
                ? result.get("Error Message")
                : result.get("Error"));
    if (!expect.errorMessage().isEmpty()) {
      assertThat(error).isEqualTo(expect.errorMessage());
    }
    expect.errorContains().forEach(fragment -> assertThat(error).as(name).contains(fragment));
    String diagnosis = String.valueOf(result.get("Diagnosis"));
    expect
        .diagnosisContains()
        .forEach(fragment -> assertThat(diagnosis).as(name).contains(fragment));

    for (Expectation.DiagnosticStep step : expect.diagnose()) {
      String shown = PowerShellFormatter.formatList(lync.invoke(step.command()).objects());
      step.outputContains()
          .forEach(
              fragment -> assertThat(shown).as("%s: %s", name, step.command()).contains(fragment));
      step.outputLacks()
          .forEach(
              fragment ->
                  assertThat(shown).as("%s: %s", name, step.command()).doesNotContain(fragment));
    }

    lync.scenarios().clear();
    // Some scenarios run the transaction as a user who does not exist; healing is judged on the
    // default users.
    CmdletOutput healed = lync.invoke(MobileSignInIT.TEST_CS_MCX_P2P_IM);
    assertThat(healed.objects().get(0).get("Result"))
        .as("after clearing %s: %s", name, healed.objects().get(0).get("Error Message"))
        .isEqualTo("Success");
  }
}
