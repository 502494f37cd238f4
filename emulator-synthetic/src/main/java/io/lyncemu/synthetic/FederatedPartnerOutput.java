package io.lyncemu.synthetic;

import io.lyncemu.core.management.CmdletOutput;
import io.lyncemu.core.management.PsObject;
import java.time.Duration;
import java.util.List;

/**
 * Test-CsFederatedPartner's result as Lync prints it: {@code TargetFqdn}, {@code Result}, {@code
 * Latency}, {@code Error}, {@code Diagnosis} (labels differ from the MCX TaskOutput's {@code Target
 * Fqdn} / {@code Error Message}).
 */
record FederatedPartnerOutput(
    String targetFqdn, boolean success, Duration latency, String error, String diagnosis) {
  static final String TYPE_NAME = "Microsoft.Rtc.SyntheticTransactions.TaskOutput";

  CmdletOutput toCmdletOutput() {
    PsObject object =
        PsObject.of(TYPE_NAME)
            .put("TargetFqdn", targetFqdn)
            .put("Result", success ? "Success" : "Failure")
            .put("Latency", TimeSpanText.of(latency))
            .put("Error", error)
            .put("Diagnosis", diagnosis)
            .build();
    return new CmdletOutput(List.of(object), success);
  }
}
