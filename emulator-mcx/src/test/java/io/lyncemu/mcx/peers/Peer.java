package io.lyncemu.mcx.peers;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A third-party program the peer tests drive. {@link #require()} skips the test when the program is
 * missing, or fails it when {@code LYNCEMU_REQUIRE_PEERS=1} (CI installs every peer, so a missing
 * one there is a broken image, not a reason to skip).
 */
record Peer(String name, Path executable, String aptPackage, List<String> probe) {
  static final String REQUIRE_ENV = "LYNCEMU_REQUIRE_PEERS";
  static final long TIMEOUT_SECONDS = 30;

  /** curl from Debian's {@code curl} package, found on the PATH. */
  static Peer curl() {
    return new Peer("curl", onPath("curl"), "curl", List.of("--version"));
  }

  /**
   * Debian's own Python (not a pyenv or venv one) with requests-ntlm importable: the interop notes
   * are about that packaging.
   */
  static Peer pythonRequestsNtlm() {
    return new Peer(
        "python3-requests-ntlm",
        Path.of("/usr/bin/python3"),
        "python3 python3-requests python3-requests-ntlm",
        List.of("-c", "import requests, requests_ntlm"));
  }

  /** Skips (or, with {@code LYNCEMU_REQUIRE_PEERS=1}, fails) unless the program works. */
  Peer require() {
    String missing = whyMissing();
    if (missing == null) {
      return this;
    }
    String install = "apt-get install -y " + aptPackage;
    if ("1".equals(System.getenv(REQUIRE_ENV))) {
      fail(name + " is required (" + REQUIRE_ENV + "=1): " + install + " [" + missing + "]");
    }
    Assumptions.abort(name + " is not installed (" + missing + "); skipped. To run: " + install);
    return this;
  }

  private String whyMissing() {
    if (executable == null || !Files.isExecutable(executable)) {
      return "no executable " + (executable == null ? name : executable);
    }
    try {
      Result result = run(executable, probe, Map.of());
      return result.exit() == 0 ? null : "probe exited " + result.exit() + ": " + result.stderr();
    } catch (IOException e) {
      return "probe failed: " + e.getMessage();
    }
  }

  /** Runs this peer with the arguments and extra environment, bounded by 30 seconds. */
  Result run(List<String> arguments, Map<String, String> environment) throws IOException {
    return run(executable, arguments, environment);
  }

  private static Result run(Path executable, List<String> arguments, Map<String, String> env)
      throws IOException {
    List<String> command = new java.util.ArrayList<>();
    command.add(executable.toString());
    command.addAll(arguments);
    Path out = Files.createTempFile("lyncemu-peer", ".out");
    Path err = Files.createTempFile("lyncemu-peer", ".err");
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectInput(ProcessBuilder.Redirect.from(devNull()))
              .redirectOutput(out.toFile())
              .redirectError(err.toFile());
      builder.environment().putAll(env);
      Process process = builder.start();
      try {
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          process.waitFor(5, TimeUnit.SECONDS);
          fail(executable + " did not finish within " + TIMEOUT_SECONDS + "s: " + command);
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for " + command, e);
      }
      return new Result(
          process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  private static java.io.File devNull() {
    return new java.io.File("/dev/null");
  }

  private static Path onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, program);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  /** What a peer run produced. */
  record Result(int exit, String stdout, String stderr) {}
}
