package io.lyncemu.bench;

import io.lyncemu.app.LyncEmulator;
import io.lyncemu.app.PortPlan;
import io.lyncemu.mcx.McxServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs every benchmark once, in a fixed order, prints the table and writes {@code
 * bench/results/latest.md}. See {@code bench/README.md}.
 *
 * <p>Arguments (all optional): {@code --app-jar FILE} the shaded emulator-app jar for the process
 * start-up measurement (default: {@code bench/target/emulator-app-all.jar}), {@code --out FILE} the
 * Markdown report (default: {@code bench/results/latest.md}).
 */
public final class AllBenchmarks {
  private AllBenchmarks() {}

  public static void main(String[] args) throws Exception {
    Path base = Files.isDirectory(Path.of("bench", "src")) ? Path.of("bench") : Path.of(".");
    Path appJar = base.resolve("target").resolve("emulator-app-all.jar");
    Path out = base.resolve("results").resolve("latest.md");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--app-jar" -> appJar = Path.of(value(args, ++i));
        case "--out" -> out = Path.of(value(args, ++i));
        default -> {
          System.err.println("usage: AllBenchmarks [--app-jar FILE] [--out FILE]");
          System.exit(2);
        }
      }
    }

    long began = System.nanoTime();
    String loadBefore = loadAverage();
    List<Row> rows = new ArrayList<>();
    List<String> remarks = new ArrayList<>();

    step("1a. in-process start-up");
    rows.addAll(StartupBenchmark.inProcess());
    step("1b. start-up from process start");
    rows.add(StartupBenchmark.fromProcessStart(appJar, StartupBenchmark.currentJava()));

    step("starting the emulator for 2-4");
    try (LyncEmulator emulator = LyncEmulator.builder().ports(PortPlan.ephemeral()).build()) {
      emulator.start();
      int httpPort = Loopback.port(emulator.endpoints().get(McxServer.HTTP));

      step("2. Test-CsMcxP2PIM");
      rows.add(P2pImBenchmark.run(emulator));
      step("3. NTLM web tickets");
      rows.add(WebTicketBenchmark.run(httpPort));
      step("4. anonymous 401, emulator vs WireMock");
      rows.addAll(ChallengeVsWireMockBenchmark.run(httpPort, remarks));
    }

    step("5. XMPP federation, emulator vs Prosody");
    rows.addAll(XmppFederationBenchmark.run(remarks));

    remarks.add(
        "Client, emulator and WireMock share one JVM and the machine's cores; the client is the"
            + " same hand-written keep-alive HTTP/1.1 client for both servers.");
    remarks.add(
        "WireMock runs with its request journal disabled (its fastest setup); the emulator keeps"
            + " its bounded journal.");
    remarks.add(
        String.format(
            java.util.Locale.ROOT, "Total run time %.0f s.", (System.nanoTime() - began) / 1e9));

    ResultsReport.Environment environment =
        new ResultsReport.Environment(
            ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
            command("nproc").orElse(Runtime.getRuntime().availableProcessors() + " (JVM)"),
            "Java " + Runtime.version() + " (" + StartupBenchmark.currentJava() + ")",
            command("git", "rev-parse", "--short", "HEAD").orElse("unknown"),
            loadBefore,
            loadAverage(),
            "java -cp ... io.lyncemu.bench.AllBenchmarks");
    System.out.println();
    System.out.print(ResultsReport.console(rows));
    remarks.forEach(remark -> System.out.println("* " + remark));
    ResultsReport.write(out, ResultsReport.markdown(environment, rows, remarks));
    System.out.println("\nwrote " + out.toAbsolutePath().normalize());
  }

  /**
   * The 1, 5 and 15 minute load averages: on a shared 2-core box they say more about the rates than
   * anything else, so they go into the report.
   */
  private static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException | RuntimeException e) {
      return "n/a";
    }
  }

  private static String value(String[] args, int index) {
    if (index >= args.length) {
      System.err.println("missing value after " + args[index - 1]);
      System.exit(2);
    }
    return args[index];
  }

  private static void step(String what) {
    System.out.println("== " + what);
    System.out.flush();
  }

  /** The first line a small local command prints, e.g. {@code nproc}; empty if it cannot run. */
  private static java.util.Optional<String> command(String... line) {
    try {
      Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
      String text;
      try (InputStream in = process.getInputStream()) {
        text = new String(in.readNBytes(4096), StandardCharsets.UTF_8).strip();
      }
      if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0 || text.isEmpty()) {
        process.destroyForcibly();
        return java.util.Optional.empty();
      }
      return java.util.Optional.of(text.lines().findFirst().orElse(text));
    } catch (IOException e) {
      return java.util.Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return java.util.Optional.empty();
    }
  }
}
