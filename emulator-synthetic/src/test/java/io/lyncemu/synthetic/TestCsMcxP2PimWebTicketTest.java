package io.lyncemu.synthetic;

import static io.lyncemu.synthetic.EmulatorFixture.KEN;
import static io.lyncemu.synthetic.EmulatorFixture.only;
import static org.assertj.core.api.Assertions.assertThat;

import io.lyncemu.core.fault.Fault;
import io.lyncemu.core.fault.FaultRule;
import io.lyncemu.core.fault.FaultTarget;
import io.lyncemu.core.management.CmdletOutput;
import io.lyncemu.core.management.PsObject;
import io.lyncemu.core.topology.WindowsAuth;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Test-CsMcxP2PIM against the emulator's real Web Ticket service, up to the web ticket. */
class TestCsMcxP2PimWebTicketTest {
  /** The seed's Error Message (Test-CsMcxP2PIM troubleshooting page), word for word. */
  static final String SEED_ERROR_MESSAGE =
      "No response received for Web-Ticket service.\n"
          + "Inner Exception:The HTTP request is unauthorized with client negotiation scheme 'Ntlm'."
          + " The authentication header received from the server was 'Negotiate,NTLM'.\n"
          + "Inner Exception:The remote server returned an error: (401) Unauthorized.";

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

  private static List<String> diagnosisLines(PsObject task) {
    return Arrays.asList(((String) task.get("Diagnosis")).split("\n", -1));
  }

  @Test
  void aRejectedAuthenticateGivesTheSeedsErrorMessageAndHeaderDiagnosis() {
    emulator.faults.add(
        new FaultRule(
            "f",
            FaultTarget.step("webticket.authenticate"),
            new Fault.RespondWith(401, List.of(), ""),
            null));

    CmdletOutput output = emulator.run();

    PsObject task = only(output);
    assertThat(output.succeeded()).isFalse();
    assertThat(task.typeName()).isEqualTo("Microsoft.Rtc.SyntheticTransactions.TaskOutput");
    assertThat(task.properties().keySet())
        .containsExactly(
            "Target Fqdn", "Target Uri", "Result", "Latency", "Error Message", "Diagnosis");
    assertThat(task.get("Target Fqdn")).isEqualTo("atl-cs-001.litwareinc.com");
    assertThat(task.get("Target Uri"))
        .isEqualTo("https://atl-cs-001.litwareinc.com:" + emulator.httpsPort + "/mcx");
    assertThat(task.get("Result")).isEqualTo("Failure");
    assertThat(task.get("Latency")).isEqualTo("00:00:00");
    assertThat(task.get("Error Message")).isEqualTo(SEED_ERROR_MESSAGE);
    List<String> lines = diagnosisLines(task);
    assertThat(lines.get(0))
        .isEqualTo("Inner Diagnosis:X-MS-Server-Fqdn : atl-cs-001.litwareinc.com");
    assertThat(lines.subList(1, 7))
        .containsExactly(
            "Cache-Control : private",
            "Content-Type : text/html; charset=utf-8",
            "Server : Microsoft-IIS/8.5",
            "WWW-Authenticate : Negotiate,NTLM",
            "X-Powered-By : ASP.NET",
            "X-Content-Type-Options : nosniff");
    assertThat(lines.subList(7, lines.size()))
        .hasSize(2)
        .satisfiesExactly(
            date ->
                assertThat(date)
                    .matches("Date : \\w{3}, \\d{2} \\w{3} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT"),
            length -> assertThat(length).matches("Content-Length : [1-9]\\d*"));
  }

  @Test
  void aWrongPasswordGivesTheSameTextAsTheSeed() {
    CmdletOutput output =
        emulator
            .cmdlet(java.time.Clock.systemUTC())
            .invoke(EmulatorFixture.arguments("-SenderCredential", "litwareinc\\kenmyer:wrong"));

    assertThat(only(output).get("Error Message")).isEqualTo(SEED_ERROR_MESSAGE);
    assertThat(diagnosisLines(only(output))).contains("WWW-Authenticate : Negotiate,NTLM");
  }

  @Test
  void aServerOfferingOnlyNtlmFailsWithoutTryingBecauseWcfNeverFallsBack() {
    emulator.deployment.update(
        "ntlm only", t -> t.withWebService(t.webService().withUseWindowsAuth(WindowsAuth.NTLM)));

    PsObject task = only(emulator.run());

    assertThat(task.get("Error Message"))
        .isEqualTo(
            "No response received for Web-Ticket service.\n"
                + "Inner Exception:The HTTP request is unauthorized with client negotiation scheme"
                + " 'Negotiate'. The authentication header received from the server was 'NTLM'.\n"
                + "Inner Exception:The remote server returned an error: (401) Unauthorized.");
    assertThat(diagnosisLines(task)).contains("WWW-Authenticate : NTLM");
    assertThat(
            emulator.journal.query(
                io.lyncemu.core.journal.JournalQuery.kind(
                    io.lyncemu.core.journal.EventKind.AUTH_FAILED)))
        .as("no NTLM message was sent at all")
        .isEmpty();
  }

  @Test
  void aServerWithWindowsAuthOffReportsAnEmptyAuthenticationHeader() {
    emulator.deployment.update(
        "no windows auth",
        t -> t.withWebService(t.webService().withUseWindowsAuth(WindowsAuth.NONE)));

    PsObject task = only(emulator.run());

    assertThat(task.get("Error Message"))
        .isEqualTo(
            "No response received for Web-Ticket service.\n"
                + "Inner Exception:The HTTP request is unauthorized with client negotiation scheme"
                + " 'Negotiate'. The authentication header received from the server was ''.\n"
                + "Inner Exception:The remote server returned an error: (401) Unauthorized.");
    assertThat(diagnosisLines(task)).noneMatch(l -> l.startsWith("WWW-Authenticate"));
  }

  @Test
  void aDisabledUserGetsTheWebTicketFaultReasonAndItsDiagnosticsHeader() {
    emulator.deployment.update("disable ken", t -> t.withUser(KEN, u -> u.withEnabled(false)));

    PsObject task = only(emulator.run());

    assertThat(task.get("Error Message"))
        .isEqualTo(
            "No response received for Web-Ticket service.\n"
                + "Inner Exception:The user account is disabled.");
    assertThat((String) task.get("Diagnosis"))
        .startsWith("Inner Diagnosis:X-Ms-diagnostics : 28901;source=\"atl-cs-001.litwareinc.com\"")
        .contains("reason=\"The user account is disabled.\"");
  }

  @Test
  void aStoppedServerIsReportedAsActivelyRefused() {
    emulator.server.stop();

    PsObject task = only(emulator.run());

    assertThat(task.get("Result")).isEqualTo("Failure");
    assertThat(task.get("Error Message"))
        .isEqualTo(
            "No response received for Web-Ticket service.\n"
                + "Inner Exception:Unable to connect to the remote server\n"
                + "Inner Exception:No connection could be made because the target machine actively"
                + " refused it 127.0.0.1:"
                + emulator.httpsPort);
    assertThat(task.get("Diagnosis")).isEqualTo("");
  }

  @Test
  void aStalledChallengeTimesOutAfterTheGivenTimeout() {
    emulator.faults.add(
        new FaultRule("stall", FaultTarget.step("webticket.negotiate"), new Fault.Stall(), null));

    PsObject task = only(emulator.run("-Timeout", "1s"));

    assertThat(task.get("Error Message"))
        .isEqualTo(
            "No response received for Web-Ticket service.\n"
                + "Inner Exception:The operation has timed out");
  }

  @Test
  void theFailureRendersInTheCmdletsListLayout() {
    emulator.faults.add(
        new FaultRule(
            "f",
            FaultTarget.step("webticket.authenticate"),
            new Fault.RespondWith(401, List.of(), ""),
            null));

    String text = io.lyncemu.core.management.PowerShellFormatter.formatList(only(emulator.run()));

    assertThat(text)
        .startsWith(
            "Target Fqdn   : atl-cs-001.litwareinc.com\n"
                + "Target Uri    : https://atl-cs-001.litwareinc.com:"
                + emulator.httpsPort
                + "/mcx\n"
                + "Result        : Failure\n"
                + "Latency       : 00:00:00\n"
                + "Error Message : No response received for Web-Ticket service.\n"
                + "                Inner Exception:The HTTP request is unauthorized with client"
                + " negotiation scheme 'Ntlm'. The authentication header received from the server"
                + " was 'Negotiate,NTLM'.\n"
                + "                Inner Exception:The remote server returned an error: (401)"
                + " Unauthorized.\n"
                + "Diagnosis     : Inner Diagnosis:X-MS-Server-Fqdn : atl-cs-001.litwareinc.com\n"
                + "                Cache-Control : private\n");
  }
}
