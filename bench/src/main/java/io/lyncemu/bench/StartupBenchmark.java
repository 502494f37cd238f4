package io.lyncemu.bench;

import io.lyncemu.app.LyncEmulator;
import io.lyncemu.app.PortPlan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measurement 1: how long until the emulator is usable, (a) embedded, from {@code start()} to its
 * return (every listener bound), and (b) as a product, from launching {@code java -jar … run} to
 * the admin API's {@code /health} answering 200.
 */
final class StartupBenchmark {
  static final int IN_PROCESS_WARM_UPS = 3;
  static final int IN_PROCESS_RUNS = 20;
  static final int PROCESS_RUNS = 5;
  static final Duration IN_PROCESS_GOAL = Duration.ofMillis(500);

  /** A child that is not healthy by then is broken, not slow. */
  private static final Duration PROCESS_DEADLINE = Duration.ofSeconds(30);

  private static final Pattern ADMIN_URL =
      Pattern.compile(
          "\"admin\"\\s*:\\s*\\{[^}]*?\"url\"\\s*:\\s*\"http://127\\.0\\.0\\.1:(\\d+)/?\"");

  private StartupBenchmark() {}

  static List<Row> inProcess() throws IOException {
    Samples starts = new Samples(IN_PROCESS_RUNS);
    Samples builds = new Samples(IN_PROCESS_RUNS);
    for (int run = 0; run < IN_PROCESS_WARM_UPS + IN_PROCESS_RUNS; run++) {
      Path state = TempDirs.create("lyncemu-bench-start-");
      try {
        long buildBegin = System.nanoTime();
        LyncEmulator emulator =
            LyncEmulator.builder().ports(PortPlan.ephemeral()).stateDir(state).build();
        long begin = System.nanoTime();
        try {
          emulator.start();
          long end = System.nanoTime();
          if (!emulator.unboundListeners().isEmpty()) {
            throw new IllegalStateException(
                "start returned with unbound listeners: " + emulator.unboundListeners());
          }
          if (run >= IN_PROCESS_WARM_UPS) {
            starts.add(end - begin);
            builds.add(begin - buildBegin);
          }
        } finally {
          emulator.stop();
        }
      } finally {
        TempDirs.delete(state);
      }
    }
    Samples.Summary start = starts.summarise();
    Samples.Summary build = builds.summarise();
    return List.of(
        new Row(
            "1a. start(): LyncEmulator, all listeners bound",
            Row.seconds(start.median()),
            Row.seconds(start.percentile(100)) + " (max)",
            Row.NONE,
            "< 0.5 s",
            Row.verdict(start.median() < IN_PROCESS_GOAL.toNanos()),
            IN_PROCESS_RUNS + " runs after " + IN_PROCESS_WARM_UPS + " warm-ups, fresh state dir"),
        new Row(
            "1a'. build(): topology, CA and keys, assembly",
            Row.seconds(build.median()),
            Row.seconds(build.percentile(100)) + " (max)",
            Row.NONE,
            "(informational)",
            Row.NONE,
            "the part of start-up done before start(), same runs"));
  }

  static Row fromProcessStart(Path appJar, String javaCommand)
      throws IOException, InterruptedException {
    String name = "1b. java -jar ... run, until /health 200";
    if (appJar == null || !Files.isRegularFile(appJar)) {
      return Row.notRun(name, "(informational)", "shaded jar not found: " + appJar);
    }
    Samples times = new Samples(PROCESS_RUNS);
    for (int run = 0; run < PROCESS_RUNS; run++) {
      times.add(launchOnce(appJar, javaCommand));
    }
    Samples.Summary summary = times.summarise();
    return new Row(
        name,
        Row.seconds(summary.median()),
        Row.seconds(summary.percentile(100)) + " (max)",
        Row.NONE,
        "(informational)",
        Row.NONE,
        PROCESS_RUNS + " child JVMs, --ports ephemeral, fresh --state-dir");
  }

  private static long launchOnce(Path appJar, String javaCommand)
      throws IOException, InterruptedException {
    Path state = TempDirs.create("lyncemu-bench-proc-");
    Path log = Files.createTempFile("lyncemu-bench-child-", ".log");
    Process child = null;
    try {
      ProcessBuilder builder =
          new ProcessBuilder(
                  javaCommand,
                  "-jar",
                  appJar.toString(),
                  "run",
                  "--ports",
                  "ephemeral",
                  "--state-dir",
                  state.toString())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      long begin = System.nanoTime();
      child = builder.start();
      long deadline = begin + PROCESS_DEADLINE.toNanos();
      Path endpoints = state.resolve(LyncEmulator.ENDPOINTS_FILE);
      while (System.nanoTime() < deadline) {
        if (!child.isAlive()) {
          throw new IllegalStateException(
              "emulator exited with "
                  + child.exitValue()
                  + ": "
                  + Files.readString(log, StandardCharsets.UTF_8));
        }
        int adminPort = adminPort(endpoints);
        if (adminPort > 0 && healthy(adminPort)) {
          return System.nanoTime() - begin;
        }
        Thread.sleep(5);
      }
      throw new IllegalStateException(
          "no healthy emulator within "
              + PROCESS_DEADLINE
              + ": "
              + Files.readString(log, StandardCharsets.UTF_8));
    } finally {
      if (child != null) {
        child.destroy();
        if (!child.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
          child.destroyForcibly().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        }
      }
      TempDirs.delete(state);
      Files.deleteIfExists(log);
    }
  }

  private static int adminPort(Path endpoints) {
    try {
      if (!Files.isRegularFile(endpoints)) {
        return -1;
      }
      Matcher matcher = ADMIN_URL.matcher(Files.readString(endpoints, StandardCharsets.UTF_8));
      return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
    } catch (IOException | RuntimeException partlyWritten) {
      return -1;
    }
  }

  private static boolean healthy(int port) {
    byte[] request = HttpConnection.request("GET", "/health", List.of(), new byte[0]);
    try (HttpConnection connection = new HttpConnection(port, 2_000)) {
      return connection.exchange(request).status() == 200;
    } catch (IOException notYet) {
      return false;
    }
  }

  /** The java launcher running this benchmark, so the child uses the same JVM. */
  static String currentJava() {
    return ProcessHandle.current().info().command().orElse("java");
  }
}
