package io.lyncemu.app.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The {@code lyncemu} entry point: the only class that touches the process (standard streams,
 * environment, console, shutdown hooks, exit status).
 */
public final class Main {
  private static final AtomicBoolean SHUTTING_DOWN = new AtomicBoolean();

  private Main() {}

  public static void main(String[] args) {
    // The runnable jar's logging setup, chosen here so that programs embedding the app keep theirs.
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "io/lyncemu/app/cli/logback-cli.xml");
    }
    Charset charset = Charset.defaultCharset();
    CliEnvironment environment =
        new CliEnvironment(
            new PrintWriter(System.out, true, charset),
            new PrintWriter(System.err, true, charset),
            System.getenv(),
            Path.of("").toAbsolutePath(),
            Main::readPassword,
            Main::holdUntilCtrlC);
    int status = new Cli(environment).execute(args);
    // Exiting while shutdown hooks run would block forever; the JVM is ending anyway.
    if (!SHUTTING_DOWN.get()) {
      System.exit(status);
    }
  }

  private static Optional<char[]> readPassword(String prompt) {
    Console console = System.console();
    if (console == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(console.readPassword("%s", prompt));
  }

  private static void holdUntilCtrlC(Runnable stopNow) {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  SHUTTING_DOWN.set(true);
                  try {
                    stopNow.run();
                  } finally {
                    stopped.countDown();
                  }
                },
                "lyncemu-shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
