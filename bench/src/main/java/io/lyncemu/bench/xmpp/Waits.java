package io.lyncemu.bench.xmpp;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition that no event announces (a child process opening its port, a counter on
 * another server reaching a total) by checking it every few milliseconds on a timer, never by
 * sleeping the caller for a guessed time.
 */
public final class Waits {
  private static final long EVERY_MILLIS = 20;

  private Waits() {}

  public static boolean until(BooleanSupplier condition, Duration timeout)
      throws InterruptedException {
    if (condition.getAsBoolean()) {
      return true;
    }
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "bench-poll");
              t.setDaemon(true);
              return t;
            });
    CompletableFuture<Boolean> met = new CompletableFuture<>();
    try {
      timer.scheduleWithFixedDelay(
          () -> {
            if (condition.getAsBoolean()) {
              met.complete(true);
            }
          },
          EVERY_MILLIS,
          EVERY_MILLIS,
          TimeUnit.MILLISECONDS);
      return met.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      timer.shutdownNow();
    }
  }
}
