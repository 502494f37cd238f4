package io.lyncemu.synthetic;

import static io.lyncemu.synthetic.EmulatorFixture.KEN;
import static io.lyncemu.synthetic.EmulatorFixture.PILAR;
import static io.lyncemu.synthetic.EmulatorFixture.only;
import static org.assertj.core.api.Assertions.assertThat;

import io.lyncemu.core.fault.Fault;
import io.lyncemu.core.fault.FaultRule;
import io.lyncemu.core.fault.FaultTarget;
import io.lyncemu.core.journal.EventKind;
import io.lyncemu.core.journal.JournalQuery;
import io.lyncemu.core.management.CmdletOutput;
import io.lyncemu.core.management.PowerShellFormatter;
import io.lyncemu.core.management.PsObject;
import io.lyncemu.core.topology.MobilityPolicy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Test-CsMcxP2PIM through the Mobility Service legs, against the emulator's real MCX route. */
class TestCsMcxP2PimMobilityTest {
  @TempDir Path state;
  private EmulatorFixture emulator;

  @BeforeEach
  void start() {
    emulator = new EmulatorFixture(state);
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void twoEnabledUsersExchangeAMessageAndTheRunSucceeds() {
    CmdletOutput output = emulator.run();

    PsObject task = only(output);
    assertThat(output.succeeded()).isTrue();
    assertThat(task.get("Result")).isEqualTo("Success");
    assertThat(task.get("Error Message")).isEqualTo("");
    assertThat(task.get("Diagnosis")).isEqualTo("");
    assertThat((String) task.get("Latency")).matches("00:00:\\d{2}(\\.\\d{7})?");
  }

  @Test
  void theSuccessRendersInTheCmdletsListLayout() {
    Clock frozen = Clock.fixed(Instant.parse("2014-05-28T19:16:05Z"), ZoneOffset.UTC);

    CmdletOutput output = emulator.cmdlet(frozen).invoke(EmulatorFixture.arguments());

    assertThat(PowerShellFormatter.formatList(only(output)))
        .isEqualTo(
            "Target Fqdn   : atl-cs-001.litwareinc.com\n"
                + "Target Uri    : https://atl-cs-001.litwareinc.com:"
                + emulator.httpsPort
                + "/mcx\n"
                + "Result        : Success\n"
                + "Latency       : 00:00:00\n"
                + "Error Message :\n"
                + "Diagnosis     :");
  }

  @Test
  void bothSessionsAreCreatedAndEndedAndTheMessageTravelsSenderToReceiver() {
    emulator.run();

    assertThat(emulator.journal.query(JournalQuery.kind(EventKind.SESSION_CREATED)))
        .extracting(e -> e.attribute("user"))
        .containsExactlyInAnyOrder(KEN, PILAR);
    assertThat(emulator.journal.query(JournalQuery.kind(EventKind.SESSION_ENDED))).hasSize(2);
  }

  @Test
  void aSenderWhosePolicyDisablesMobilityIsReportedWithTheMcxCode() {
    emulator.deployment.update(
        "no mobility for Redmond",
        t ->
            t.withMobilityPolicies(
                List.of(
                    MobilityPolicy.defaults(MobilityPolicy.GLOBAL),
                    new MobilityPolicy(
                        "Tag:RedmondMobilityPolicy", false, null, null, null, null, null))));

    CmdletOutput output = emulator.run();

    PsObject task = only(output);
    assertThat(output.succeeded()).isFalse();
    assertThat(task.get("Error Message"))
        .isEqualTo(
            "Mobility Service returned an error for sip:kenmyer@litwareinc.com.\n"
                + "Inner Exception:The remote server returned an error: (403) Forbidden.");
    assertThat((String) task.get("Diagnosis"))
        .startsWith("Inner Diagnosis:Error Code : MobilityDisabled\nReason : ")
        .contains("\nX-Ms-diagnostics : 52001;");
  }

  @Test
  void anUnavailableMobilityServiceIsReportedAs503() {
    emulator.faults.add(
        new FaultRule(
            "down",
            FaultTarget.step("mcx.im.send"),
            new Fault.RespondWith(503, List.of(), ""),
            null));

    PsObject task = only(emulator.run());

    assertThat(task.get("Error Message"))
        .isEqualTo(
            "Mobility Service returned an error for sip:kenmyer@litwareinc.com.\n"
                + "Inner Exception:The remote server returned an error: (503) Server Unavailable.");
    assertThat((String) task.get("Diagnosis")).contains("Error Code : ServiceUnavailable");
  }

  @Test
  void aStalledSessionCreateTimesOutAsTheMobilityService() {
    emulator.faults.add(
        new FaultRule("stall", FaultTarget.step("mcx.session.create"), new Fault.Stall(), null));

    PsObject task = only(emulator.run("-Timeout", "1s"));

    assertThat(task.get("Error Message"))
        .isEqualTo(
            "No response received for Mobility Service.\n"
                + "Inner Exception:The operation has timed out");
  }

  @Test
  void aMessageThatNeverArrivesFailsAfterTheTimeout() {
    emulator.faults.add(
        new FaultRule(
            "swallow",
            FaultTarget.step("mcx.im.send"),
            new Fault.RespondWith(
                200,
                List.of(),
                "<response xmlns=\"urn:lyncemu:mcx:1\" status=\"200\">"
                    + "<sent messageId=\"m-lost\" endpoints=\"1\"/></response>"),
            null));

    PsObject task = only(emulator.run("-Timeout", "1s"));

    assertThat(task.get("Error Message"))
        .isEqualTo(
            "The receiver sip:packerman@litwareinc.com did not receive the instant message sent by"
                + " sip:kenmyer@litwareinc.com.");
    assertThat(task.get("Diagnosis")).isEqualTo("Inner Diagnosis:Message Id : m-lost");
  }
}
