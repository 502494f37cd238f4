package io.lyncemu.edge.peers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a short-lived peer command (a probe, {@code prosodyctl register}) to completion within a
 * bound. Output goes to a file rather than a pipe so a chatty program can never block on a full
 * pipe buffer while we wait for it.
 */
final class BoundedRun {
  private BoundedRun() {}

  /** Exit status and merged stdout/stderr. */
  record Result(int exit, String output) {}

  static Result run(List<String> command, Path workDir, Duration timeout) throws IOException {
    Path out = Files.createTempFile("lyncemu-peer", ".out");
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
              .redirectErrorStream(true)
              .redirectOutput(out.toFile());
      if (workDir != null) {
        builder.directory(workDir.toFile());
      }
      Process process = builder.start();
      try {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          ProcessTree.stop(process, Duration.ofSeconds(5));
          throw new IOException(
              command + " did not finish within " + timeout + ": " + read(out).strip());
        }
      } catch (InterruptedException e) {
        ProcessTree.stop(process, Duration.ofSeconds(5));
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for " + command, e);
      }
      return new Result(process.exitValue(), read(out));
    } finally {
      Files.deleteIfExists(out);
    }
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}
