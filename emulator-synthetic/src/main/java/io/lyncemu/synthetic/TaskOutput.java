package io.lyncemu.synthetic;

import io.lyncemu.core.management.CmdletOutput;
import io.lyncemu.core.management.PsObject;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Lync's {@code Microsoft.Rtc.SyntheticTransactions.TaskOutput}: the target, the result, the
 * latency, the error and the diagnosis of one synthetic transaction. Each cmdlet prints it with its
 * own labels ({@link Layout}).
 */
record TaskOutput(
    String targetFqdn,
    String targetUri,
    boolean success,
    Duration latency,
    String errorMessage,
    String diagnosis) {
  static final String TYPE_NAME = "Microsoft.Rtc.SyntheticTransactions.TaskOutput";

  /**
   * The labels a cmdlet prints, in order: target, [target URI], Result, Latency, error, Diagnosis.
   */
  enum Layout {
    /**
     * The MCX synthetic transactions: {@code Target Fqdn}, {@code Target Uri}, … {@code Error
     * Message}.
     */
    MCX("Target Fqdn", true, "Error Message"),
    /** Test-CsXmppIM: {@code Target Fqdn}, no {@code Target Uri}, … {@code Error Message}. */
    XMPP_IM("Target Fqdn", false, "Error Message"),
    /** Test-CsFederatedPartner: {@code TargetFqdn}, no {@code Target Uri}, … {@code Error}. */
    FEDERATED_PARTNER("TargetFqdn", false, "Error");

    private final String targetFqdnLabel;
    private final boolean targetUri;
    private final String errorLabel;

    Layout(String targetFqdnLabel, boolean targetUri, String errorLabel) {
      this.targetFqdnLabel = targetFqdnLabel;
      this.targetUri = targetUri;
      this.errorLabel = errorLabel;
    }
  }

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
    return failure(targetFqdn, targetUri, failure.errorMessage(), failure.diagnosis());
  }

  static TaskOutput failure(
      String targetFqdn, String targetUri, String errorMessage, String diagnosis) {
    return new TaskOutput(targetFqdn, targetUri, false, Duration.ZERO, errorMessage, diagnosis);
  }

  PsObject toPsObject(Layout layout) {
    PsObject.Builder object = PsObject.of(TYPE_NAME).put(layout.targetFqdnLabel, targetFqdn);
    if (layout.targetUri) {
      object.put("Target Uri", targetUri);
    }
    return object
        .put("Result", success ? "Success" : "Failure")
        .put("Latency", TimeSpanText.of(latency))
        .put(layout.errorLabel, errorMessage)
        .put("Diagnosis", diagnosis)
        .build();
  }

  CmdletOutput toCmdletOutput(Layout layout) {
    return new CmdletOutput(List.of(toPsObject(layout)), success);
  }
}
