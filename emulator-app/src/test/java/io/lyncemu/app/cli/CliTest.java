package io.lyncemu.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lyncemu.app.LyncEmulator;
import io.lyncemu.app.PortPlan;
import io.lyncemu.app.TestCmdletsModule;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line in-process, against an emulator started by the test. */
class CliTest {
  @TempDir static Path stateDir;

  private static LyncEmulator lync;
  private static String admin;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final List<String> prompts = new ArrayList<>();

  @BeforeAll
  static void startEmulator() {
    lync =
        LyncEmulator.builder()
            .ports(PortPlan.ephemeral())
            .stateDir(stateDir)
            .module(new TestCmdletsModule())
            .build();
    lync.start();
    admin = lync.adminUrl().orElseThrow();
  }

  @AfterAll
  static void stopEmulator() {
    if (lync != null) {
      lync.stop();
    }
  }

  private Cli cli(Map<String, String> variables, Optional<char[]> password) {
    return new Cli(
        new CliEnvironment(
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            variables,
            stateDir,
            prompt -> {
              prompts.add(prompt);
              return password;
            },
            stopNow -> {}));
  }

  private int run(String... arguments) {
    return cli(Map.of(), Optional.empty()).execute(arguments);
  }

  @Test
  void printsTheFormatListTextAndExitsZeroWhenTheCmdletSucceeds() {
    int status = run("Get-CsUser", "-Identity", "sip:kenmyer@litwareinc.com", "--admin", admin);

    assertThat(status).isZero();
    assertThat(out.toString()).contains("SipAddress").contains(": sip:kenmyer@litwareinc.com");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void passesPowerShellValuesThroughUnchanged() {
    int status =
        run(
            "Set-CsUser",
            "-Identity",
            "sip:marcelsoto@litwareinc.com",
            "-Enabled",
            "$False",
            "--admin",
            admin);

    assertThat(status).isZero();
    assertThat(
            lync.deployment()
                .current()
                .findUser("sip:marcelsoto@litwareinc.com")
                .orElseThrow()
                .isEnabled())
        .isFalse();
    lync.invoke("Set-CsUser -Identity sip:marcelsoto@litwareinc.com -Enabled $True");
  }

  @Test
  void sendsAValueWithSpacesAsOneValue() {
    int status =
        run(TestCmdletsModule.ECHO, "-DisplayName", "Ken Myer (mobile)", "--admin=" + admin);

    assertThat(status).isZero();
    assertThat(out.toString()).contains("DisplayName : Ken Myer (mobile)");
  }

  @Test
  void printsJsonWithOutputFormatJson() throws Exception {
    int status =
        run(
            "Get-CsUser",
            "-Identity",
            "sip:kenmyer@litwareinc.com",
            "-OutputFormat",
            "Json",
            "--admin",
            admin);

    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(status).isZero();
    assertThat(json.path("succeeded").asBoolean()).isTrue();
    assertThat(json.path("objects").get(0).path("properties").path("SipAddress").asText())
        .isEqualTo("sip:kenmyer@litwareinc.com");
  }

  @Test
  void runsTheSyntheticTransactionWhoseNameHasADigit() {
    int status =
        run(
            "Test-CsMcxP2PIM",
            "-TargetFqdn",
            "atl-cs-001.litwareinc.com",
            "-Authentication",
            "Negotiate",
            "-SenderSipAddress",
            "sip:kenmyer@litwareinc.com",
            "-SenderCredential",
            "litwareinc\\kenmyer:Ken!Lync2013",
            "-ReceiverSipAddress",
            "sip:packerman@litwareinc.com",
            "-ReceiverCredential",
            "litwareinc\\pilar:Pilar!Lync2013",
            "--admin",
            admin);

    assertThat(status).as(err.toString()).isZero();
    assertThat(out.toString()).contains("Result        : Success");
  }

  @Test
  void exitsOneWhenTheCmdletReportsFailure() {
    int status = run(TestCmdletsModule.FAILING, "--admin", admin);

    assertThat(status).isEqualTo(1);
    assertThat(out.toString()).contains("Result").contains("Failure");
  }

  @Test
  void exitsOneWhenTheDeploymentHasNoSuchObject() {
    int status = run("Get-CsUser", "-Identity", "sip:nobody@litwareinc.com", "--admin", admin);

    assertThat(status).isEqualTo(1);
    assertThat(err.toString()).contains("Get-CsUser : Management object not found for identity");
  }

  @Test
  void exitsTwoForAnUnknownCmdlet() {
    int status = run("Get-CsNothing", "--admin", admin);

    assertThat(status).isEqualTo(2);
    assertThat(err.toString()).contains("'Get-CsNothing' is not recognized");
  }

  @Test
  void exitsTwoForAnUnknownParameter() {
    int status = run("Get-CsUser", "-Bogus", "x", "--admin", admin);

    assertThat(status).isEqualTo(2);
    assertThat(err.toString())
        .contains("A parameter cannot be found that matches parameter name 'Bogus'");
  }

  @Test
  void exitsTwoWithTheRemedyWhenNoEmulatorAnswers() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      port = free.getLocalPort();
    }

    int status = run("Get-CsUser", "--admin", "http://127.0.0.1:" + port);

    assertThat(status).isEqualTo(2);
    assertThat(err.toString())
        .contains(
            "no emulator answers at http://127.0.0.1:" + port + "; start one with ./lyncemu run");
  }

  @Test
  void takesTheAdminUrlFromTheEnvironment() {
    int status =
        cli(Map.of("LYNCEMU_ADMIN", admin), Optional.empty())
            .execute("Get-CsWindowsService", "-Name", "W3SVC");

    assertThat(status).isZero();
    assertThat(out.toString()).contains("World Wide Web Publishing Service");
  }

  @Test
  void asksForTheMissingPasswordOfACredential() {
    int status =
        cli(Map.of(), Optional.of("Ken!Lync2013".toCharArray()))
            .execute(
                TestCmdletsModule.ECHO,
                "-SenderCredential",
                "litwareinc\\kenmyer",
                "--admin",
                admin);

    assertThat(status).isZero();
    assertThat(prompts).containsExactly("Password for litwareinc\\kenmyer: ");
    assertThat(out.toString()).contains("SenderCredential : litwareinc\\kenmyer:Ken!Lync2013");
  }

  @Test
  void leavesACredentialWithAPasswordAlone() {
    int status =
        run(
            TestCmdletsModule.ECHO,
            "-ReceiverCredential",
            "litwareinc\\pilar:Pilar!Lync2013",
            "--admin",
            admin);

    assertThat(status).isZero();
    assertThat(prompts).isEmpty();
    assertThat(out.toString()).contains("ReceiverCredential : litwareinc\\pilar:Pilar!Lync2013");
  }

  @Test
  void exitsTwoWhenAPasswordIsNeededButThereIsNoConsole() {
    int status =
        run(TestCmdletsModule.ECHO, "-SenderCredential", "litwareinc\\kenmyer", "--admin", admin);

    assertThat(status).isEqualTo(2);
    assertThat(err.toString())
        .contains("no console to ask for the password of litwareinc\\kenmyer");
  }

  @Test
  void printsTheVersion() {
    int status = run("--version");

    assertThat(status).isZero();
    assertThat(out.toString()).startsWith("lyncemu ");
  }

  @Test
  void helpDescribesRunScenariosAndCmdlets() {
    int status = run("--help");

    assertThat(status).isZero();
    assertThat(out.toString())
        .contains("run")
        .contains("scenarios")
        .contains("<Verb>-<Noun>")
        .contains("LYNCEMU_ADMIN");
  }

  @Test
  void exitsTwoWithoutACommand() {
    assertThat(run()).isEqualTo(2);
    assertThat(err.toString()).contains("run, scenarios, netstat, or a cmdlet");
  }

  @Test
  void exitsTwoForAnUnknownOption() {
    assertThat(run("run", "--no-such-option")).isEqualTo(2);
    assertThat(err.toString()).contains("--no-such-option");
  }

  @Test
  void listsTheScenarios() {
    int status = run("scenarios");

    assertThat(status).isZero();
    assertThat(out.toString())
        .contains("app-test-ken-disabled")
        .contains("Ken Myer's account is disabled");
  }

  @Test
  void netstatPrintsTheWindowsTable() {
    int internal = lync.endpoints().get("xmpp-internal").getPort();

    int status = run("netstat", "-ano", "--admin", admin);

    assertThat(status).isZero();
    List<String> lines = out.toString().lines().toList();
    assertThat(lines)
        .contains(
            "Active Connections",
            "  Proto  Local Address          Foreign Address        State           PID");
    assertThat(lines)
        .anyMatch(
            line ->
                line.matches(
                    "  TCP    127\\.0\\.0\\.1:"
                        + internal
                        + " +0\\.0\\.0\\.0:0 +LISTENING +"
                        + ProcessHandle.current().pid()));
  }

  @Test
  void netstatWithAPortListsOnlyThatPortLikeFindstr() {
    int s2s = lync.endpoints().get("xmpp-s2s").getPort();

    int status = run("netstat", "-ano", "--port", Integer.toString(s2s), "--admin", admin);

    assertThat(status).isZero();
    assertThat(out.toString().lines().filter(l -> l.startsWith("  TCP ")))
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .isEqualTo(
                        String.format(
                            "  TCP    %-22s %-22s %-15s %d",
                            "127.0.0.1:" + s2s,
                            "0.0.0.0:0",
                            "LISTENING",
                            ProcessHandle.current().pid())));
  }

  @Test
  void netstatWithoutAnEmulatorSaysHowToStartOne() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }

    int status = run("netstat", "-ano", "--admin", "http://127.0.0.1:" + port);

    assertThat(status).isEqualTo(2);
    assertThat(err.toString()).contains("./lyncemu run");
  }

  @Test
  void helpMentionsNetstat() {
    run("--help");

    assertThat(out.toString()).contains("lyncemu netstat [-ano] [--port N]");
  }
}
