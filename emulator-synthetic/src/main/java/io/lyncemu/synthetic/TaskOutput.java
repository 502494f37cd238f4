package io.lyncemu.synthetic;

import io.lyncemu.core.management.CmdletOutput;
import io.lyncemu.core.management.PsObject;
import java.time.Duration;
import java.util.Objects;

/**
 * Lync's {@code Microsoft.Rtc.SyntheticTransactions.TaskOutput} as the MCX synthetic transactions
 * print it: {@code Target Fqdn}, {@code Target Uri}, {@code Result}, {@code Latency}, {@code Error
 * Message}, {@code Diagnosis}, in that order.
 */
record TaskOutput(
    String targetFqdn,
    String targetUri,
    boolean success,
    Duration latency,
    String errorMessage,
    String diagnosis) {
  static final String TYPE_NAME = "Microsoft.Rtc.SyntheticTransactions.TaskOutput";

  TaskOutput {
    Objects.requireNonNull(targetFqdn, "targetFqdn");
    Objects.requireNonNull(targetUri, "targetUri");
    Objects.requireNonNull(latency, "latency");
    Objects.requireNonNull(errorMessage, "errorMessage");
    Objects.requireNonNull(diagnosis, "diagnosis");
  }

  static TaskOutput success(String targetFqdn, String targetUri, Duration latency) {
    return new TaskOutput(targetFqdn, targetUri, true, latency, "", "");
  }

  /** Lync prints a zero latency for a failed run (the troubleshooting page shows 00:00:00). */
  static TaskOutput failure(String targetFqdn, String targetUri, TransactionFailure failure) {
    return new TaskOutput(
        targetFqdn, targetUri, false, Duration.ZERO, failure.errorMessage(), failure.diagnosis());
  }

  PsObject toPsObject() {
    return PsObject.of(TYPE_NAME)
        .put("Target Fqdn", targetFqdn)
        .put("Target Uri", targetUri)
        .put("Result", success ? "Success" : "Failure")
        .put("Latency", TimeSpanText.of(latency))
        .put("Error Message", errorMessage)
        .put("Diagnosis", diagnosis)
        .build();
  }

  /**
   * The output of the synthetic transactions that print no {@code Target Uri} (Test-CsXmppIM):
   * {@code Target Fqdn}, {@code Result}, {@code Latency}, {@code Error Message}, {@code Diagnosis}.
   */
  CmdletOutput toCmdletOutputWithoutUri() {
    PsObject object =
        PsObject.of(TYPE_NAME)
            .put("Target Fqdn", targetFqdn)
            .put("Result", success ? "Success" : "Failure")
            .put("Latency", TimeSpanText.of(latency))
            .put("Error Message", errorMessage)
            .put("Diagnosis", diagnosis)
            .build();
    return new CmdletOutput(java.util.List.of(object), success);
  }

  CmdletOutput toCmdletOutput() {
    return new CmdletOutput(java.util.List.of(toPsObject()), success);
  }
}
