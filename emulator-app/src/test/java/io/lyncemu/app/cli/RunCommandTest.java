package io.lyncemu.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lyncemu run} in-process; the scripted foreground stands in for Ctrl-C. */
class RunCommandTest {
  private static final Pattern ADMIN = Pattern.compile("admin\\s+(http://127\\.0\\.0\\.1:(\\d+))/");

  @TempDir Path workingDirectory;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final List<Integer> healthWhileRunning = new ArrayList<>();

  private int run(String... arguments) {
    CliEnvironment environment =
        new CliEnvironment(
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            Map.of(),
            workingDirectory,
            prompt -> Optional.empty(),
            stopNow -> healthWhileRunning.add(health()));
    return new Cli(environment).execute(arguments);
  }

  private int health() {
    Matcher admin = ADMIN.matcher(out.toString());
    if (!admin.find()) {
      return -1;
    }
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create(admin.group(1) + "/health")).build(),
              BodyHandlers.discarding())
          .statusCode();
    } catch (Exception e) {
      return -2;
    }
  }

  @Test
  void startsPrintsTheBannerServesUntilCtrlCThenStops() throws Exception {
    int status = run("run", "--ports", "ephemeral");

    assertThat(status).isZero();
    assertThat(healthWhileRunning).containsExactly(200);
    String banner = out.toString();
    assertThat(banner)
        .contains("web-https")
        .contains("https://127.0.0.1:")
        .contains(
            "CA certificate  " + workingDirectory.resolve(".lyncemu").resolve("lyncemu-ca.pem"))
        .contains("Ken Myer")
        .contains("litwareinc\\kenmyer")
        .contains("sip:kenmyer@litwareinc.com")
        .contains("Ken!Lync2013")
        .contains("export LYNCEMU_ADMIN=http://127.0.0.1:")
        .contains("./lyncemu Get-CsUser -Identity sip:kenmyer@litwareinc.com")
        .contains(
            "./lyncemu Test-CsMcxP2PIM -TargetFqdn atl-cs-001.litwareinc.com -Authentication Negotiate"
                + " -SenderSipAddress sip:kenmyer@litwareinc.com -SenderCredential"
                + " 'litwareinc\\kenmyer:Ken!Lync2013' -ReceiverSipAddress sip:packerman@litwareinc.com"
                + " -ReceiverCredential 'litwareinc\\pilar:Pilar!Lync2013'");
    assertThat(workingDirectory.resolve(".lyncemu").resolve("endpoints.json")).isRegularFile();
    Matcher admin = ADMIN.matcher(banner);
    assertThat(admin.find()).isTrue();
    int port = Integer.parseInt(admin.group(2));
    try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
      assertThat(again.getLocalPort()).isEqualTo(port);
    }
  }

  @Test
  void usesTheGivenStateDirectoryTopologyAndScenario() throws Exception {
    Path state = workingDirectory.resolve("state");

    int status =
        run(
            "run",
            "--ports",
            "ephemeral",
            "--state-dir",
            state.toString(),
            "--topology",
            "lync-defaults");

    assertThat(status).isZero();
    assertThat(out.toString()).contains("topology lync-defaults");
    assertThat(Files.readString(state.resolve("endpoints.json"))).contains("web-http");
  }

  @Test
  void failsClearlyWhenTheAdminPortIsTaken() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int status =
          run("run", "--ports", "ephemeral", "--admin-port", String.valueOf(taken.getLocalPort()));

      assertThat(status).isEqualTo(1);
      assertThat(err.toString())
          .contains(
              "could not start: listener 'admin' could not bind 127.0.0.1:" + taken.getLocalPort())
          .contains("--ports ephemeral");
      assertThat(healthWhileRunning).isEmpty();
    }
  }

  @Test
  void refusesAPortForAnUnknownListener() {
    int status = run("run", "--ports", "ephemeral", "--port", "web-htps=1");

    assertThat(status).isEqualTo(2);
    assertThat(err.toString()).contains("unknown listener 'web-htps'");
  }

  @Test
  void refusesAnUnknownPortsMode() {
    assertThat(run("run", "--ports", "random")).isEqualTo(2);
    assertThat(err.toString()).contains("--ports is 'ephemeral' or 'defaults'");
  }

  @Test
  void refusesAnUnknownScenario() {
    assertThat(run("run", "--ports", "ephemeral", "--scenario", "nope")).isEqualTo(2);
    assertThat(err.toString()).contains("no scenario 'nope'");
  }
}
