package io.lyncemu.core.scenario;

import java.util.List;
import java.util.Objects;

/**
 * What a scenario's synthetic transaction reports while the scenario is active.
 *
 * @param transaction the cmdlet line to run, e.g. {@code Test-CsMcxP2PIM -Authentication
 *     Negotiate}; parameters left out take the defaults of the default topology
 * @param result {@code Success} or {@code Failure}
 * @param errorMessage the exact {@code Error Message}, or empty when only fragments are checked
 * @param errorContains fragments the {@code Error Message} must contain
 * @param diagnosisContains fragments the {@code Diagnosis} must contain
 * @param diagnose the commands an administrator would run to find the cause (netstat,
 *     Get-DnsServerResourceRecord, Get-CsXmppAllowedPartner …), each with what its output shows
 */
public record Expectation(
    String transaction,
    String result,
    String errorMessage,
    List<String> errorContains,
    List<String> diagnosisContains,
    List<DiagnosticStep> diagnose) {
  public Expectation {
    Objects.requireNonNull(transaction, "transaction");
    result = result == null ? "Success" : result;
    if (!result.equals("Success") && !result.equals("Failure")) {
      throw new IllegalArgumentException("expect.result must be Success or Failure, not " + result);
    }
    errorMessage = errorMessage == null ? "" : errorMessage.strip();
    errorContains = errorContains == null ? List.of() : List.copyOf(errorContains);
    diagnosisContains = diagnosisContains == null ? List.of() : List.copyOf(diagnosisContains);
    diagnose = diagnose == null ? List.of() : List.copyOf(diagnose);
  }

  /**
   * One troubleshooting command and what its output shows while the scenario is active: text that
   * must appear and text that must not (a LISTENING line missing is as telling as one present).
   */
  public record DiagnosticStep(
      String command, List<String> outputContains, List<String> outputLacks) {
    public DiagnosticStep {
      Objects.requireNonNull(command, "command");
      outputContains = outputContains == null ? List.of() : List.copyOf(outputContains);
      outputLacks = outputLacks == null ? List.of() : List.copyOf(outputLacks);
    }
  }
}
