package io.lyncemu.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.lyncemu.app.LyncEmulator;
import io.lyncemu.core.management.CmdletOutput;
import io.lyncemu.core.management.PowerShellFormatter;
import io.lyncemu.core.management.PsObject;
import io.lyncemu.core.scenario.Expectation;
import io.lyncemu.core.scenario.Scenario;

/** What an applied scenario must show: its transaction's result, error, diagnosis and diagnose. */
final class ScenarioChecks {
  private ScenarioChecks() {}

  static void symptomAndDiagnosis(LyncEmulator lync, Scenario scenario) {
    String name = scenario.name();
    Expectation expect = scenario.expect();

    CmdletOutput output = lync.invoke(expect.transaction());

    PsObject result = output.objects().get(0);
    // Test-CsMcxP2PIM says "Error Message"; Test-CsFederatedPartner and the push test say "Error".
    String error =
        String.valueOf(
            result.get("Error Message") != null
                ? result.get("Error Message")
                : result.get("Error"));
    assertThat(result.get("Result")).as("Result of %s: %s", name, error).isEqualTo(expect.result());
    assertThat(output.succeeded()).isEqualTo(expect.result().equals("Success"));
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
              fragment ->
                  assertThat(shown)
                      .as("%s: %s shows %s", name, step.command(), fragment)
                      .contains(fragment));
      step.outputLacks()
          .forEach(
              fragment ->
                  assertThat(shown)
                      .as("%s: %s does not show %s", name, step.command(), fragment)
                      .doesNotContain(fragment));
    }
  }
}
