package io.lyncemu.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the command line touches outside itself: its two output streams, the environment, the
 * working directory, the console (for password prompts) and the way {@code run} waits for Ctrl-C.
 * {@link Main} supplies the real ones; tests supply captured streams and a scripted foreground.
 */
public record CliEnvironment(
    PrintWriter out,
    PrintWriter err,
    Map<String, String> variables,
    Path workingDirectory,
    PasswordPrompt passwords,
    Foreground foreground) {
  public CliEnvironment {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
    variables = Map.copyOf(variables);
    Objects.requireNonNull(workingDirectory, "workingDirectory");
    Objects.requireNonNull(passwords, "passwords");
    Objects.requireNonNull(foreground, "foreground");
  }

  public Optional<String> variable(String name) {
    return Optional.ofNullable(variables.get(name)).filter(v -> !v.isBlank());
  }

  /** Reads a password without echo; empty when there is no console to ask on. */
  @FunctionalInterface
  public interface PasswordPrompt {
    Optional<char[]> read(String prompt);
  }

  /** Keeps {@code lyncemu run} in the foreground until the user stops it. */
  @FunctionalInterface
  public interface Foreground {
    /**
     * Returns once the emulator should stop (Ctrl-C); the caller then stops it. Implementations may
     * also stop it themselves, because stop is idempotent.
     */
    void holdUntilStopped(Runnable stopNow);
  }
}
