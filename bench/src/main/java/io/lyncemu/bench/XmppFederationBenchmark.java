package io.lyncemu.bench;

import io.lyncemu.bench.xmpp.EmulatorTarget;
import io.lyncemu.bench.xmpp.FederationTarget;
import io.lyncemu.bench.xmpp.ProsodyTarget;
import io.lyncemu.bench.xmpp.S2sLoadDriver;
import io.lyncemu.bench.xmpp.S2sLoadDriver.OutboundStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measurement 5: inbound XMPP federation, the emulator and Prosody loaded by the same {@link
 * S2sLoadDriver} in the same run. 5a/5b: messages per second delivered to the receiving users over
 * 1 and 50 dialback-authenticated s2s streams (median of {@link #WINDOWS} windows after a warm-up);
 * 5c: dialback handshakes per second (connect, stream, db:result, db:verify back to the driver,
 * valid, close) with {@link #HANDSHAKE_CONCURRENCY} in flight; 5d: memory per idle authenticated
 * stream with {@link #IDLE_STREAMS} open. Runnable alone: {@code java -cp ...
 * io.lyncemu.bench.XmppFederationBenchmark}.
 */
final class XmppFederationBenchmark {
  static final String DRIVER_DOMAIN = "bench.example";
  static final double GOAL_PER_SECOND = 20_000;
  static final Duration WARM_UP = Duration.ofSeconds(3);
  static final Duration WINDOW = Duration.ofSeconds(2);
  static final int WINDOWS = 5;
  static final int HANDSHAKE_CONCURRENCY = 16;
  static final int IDLE_STREAMS = 1_000;

  /** Messages sent but not yet delivered, across all streams: enough to keep any server busy. */
  static final long MAX_OUTSTANDING = 10_000;

  private static final Duration DRAIN = Duration.ofSeconds(30);
  private static final Duration OPEN = Duration.ofSeconds(60);

  /** The litwareinc users; Prosody gets accounts with the same local parts. */
  static final List<String> USERS = List.of("kenmyer", "packerman", "aidandelaney", "marcelsoto");

  private XmppFederationBenchmark() {}

  public static void main(String[] args) throws Exception {
    List<String> remarks = new ArrayList<>();
    List<Row> rows = run(remarks);
    System.out.println();
    System.out.print(ResultsReport.console(rows));
    remarks.forEach(remark -> System.out.println("* " + remark));
  }

  static List<Row> run(List<String> remarks) throws Exception {
    List<Row> rows = new ArrayList<>();
    Path prosodyDir = TempDirs.create("bench-prosody");
    Path emulatorDir = TempDirs.create("bench-xmpp-emulator");
    try (S2sLoadDriver driver = new S2sLoadDriver(DRIVER_DOMAIN, 2)) {
      FederationTarget prosody = null;
      FederationTarget emulator = null;
      String prosodyMissing = ProsodyTarget.unavailable().orElse(null);
      String emulatorMissing = null;
      try {
        if (prosodyMissing == null) {
          try {
            prosody = new ProsodyTarget(driver, USERS, prosodyDir);
          } catch (Exception e) {
            prosodyMissing = "Prosody did not start: " + P2pImBenchmark.abbreviate(e.toString());
          }
        }
        try {
          emulator = new EmulatorTarget(driver, emulatorDir, IDLE_STREAMS);
        } catch (RuntimeException e) {
          emulatorMissing = P2pImBenchmark.abbreviate(e.getMessage());
        }
        String[] pWhy = {prosodyMissing};
        String[] eWhy = {emulatorMissing};
        for (int connections : new int[] {1, 50}) {
          String name =
              String.format(
                  Locale.ROOT,
                  "5%s. s2s inbound, %d conn",
                  connections == 1 ? "a" : "b",
                  connections);
          FederationTarget pt = prosody;
          FederationTarget et = emulator;
          Throughput p = attempt(pt, pWhy, () -> throughput(driver, pt, connections));
          Throughput e = attempt(et, eWhy, () -> throughput(driver, et, connections));
          rows.add(show(throughputRow(name + ": emulator", e, eWhy[0])));
          rows.add(show(throughputRow(name + ": Prosody", p, pWhy[0])));
          rows.add(show(ratioRow(name + ": ratio emulator / Prosody", e, p)));
        }
        FederationTarget pt = prosody;
        FederationTarget et = emulator;
        Throughput ph = attempt(pt, pWhy, () -> handshakes(driver, pt));
        Throughput eh = attempt(et, eWhy, () -> handshakes(driver, et));
        rows.add(show(handshakeRow("5c. dialback handshakes: emulator", eh, eWhy[0])));
        rows.add(show(handshakeRow("5c. dialback handshakes: Prosody", ph, pWhy[0])));
        rows.add(show(ratioRow("5c. dialback handshakes: ratio emulator / Prosody", eh, ph)));
        Idle pi = attempt(pt, pWhy, () -> idle(driver, pt));
        Idle ei = attempt(et, eWhy, () -> idle(driver, et));
        memoryRows(ei, pi, eWhy[0], pWhy[0]).forEach(row -> rows.add(show(row)));
      } finally {
        if (prosody != null) {
          prosody.close();
        }
        if (emulator != null) {
          emulator.close();
        }
      }
      remarks.add(
          "XMPP (5): one driver JVM loads both servers with plain s2s streams authenticated by"
              + " dialback (XEP-0220, XEP-0185 keys); it is bench.example's authoritative server"
              + " too. Emulator deliveries are counted at router endpoints in this JVM; Prosody's"
              + " at one raw c2s client per user (bytes scanned for <message), so Prosody also"
              + " serialises every message to a socket.");
    } finally {
      TempDirs.delete(prosodyDir);
      TempDirs.delete(emulatorDir);
    }
    return rows;
  }

  /**
   * Runs one measurement on a target that may be missing or broken (e.g. an emulator build whose
   * 5269 still refuses every stream): null with the reason in {@code why[0]} instead of aborting
   * the other target's measurements.
   */
  private static <T> T attempt(FederationTarget target, String[] why, Callable<T> measurement) {
    if (target == null) {
      return null;
    }
    try {
      return measurement.call();
    } catch (Exception e) {
      Throwable cause = e instanceof java.util.concurrent.ExecutionException ? e.getCause() : e;
      why[0] = "failed: " + P2pImBenchmark.abbreviate(String.valueOf(cause));
      return null;
    }
  }

  /** Prints each row as it is measured: the whole benchmark takes a few minutes. */
  private static Row show(Row row) {
    System.out.println(
        "   " + row.measurement() + ": " + row.rate() + " " + row.median() + " " + row.notes());
    System.out.flush();
    return row;
  }

  /** Windowed delivery rates and what was sent and delivered in total. */
  record Throughput(double[] rates, long sent, long delivered, long failures, String note) {
    double median() {
      double[] sorted = rates.clone();
      Arrays.sort(sorted);
      return sorted.length == 0 ? 0 : sorted[sorted.length / 2];
    }
  }

  record Idle(long serverBytes, long driverHeapBytes, int streams, String method) {}

  static Throughput throughput(S2sLoadDriver driver, FederationTarget target, int connections)
      throws Exception {
    List<OutboundStream> streams = openStreams(driver, target, connections);
    long sentBefore = driver.sent();
    long deliveredBefore = target.delivered();
    List<String> recipients = target.recipients();
    driver.limitOutstanding(target::delivered, MAX_OUTSTANDING);
    for (int i = 0; i < streams.size(); i++) {
      // Each stream starts at a different user so 50 streams spread over all inboxes.
      List<String> rotated = new ArrayList<>(recipients);
      java.util.Collections.rotate(rotated, i);
      streams.get(i).startSending(rotated, "federated load from " + DRIVER_DOMAIN);
    }
    long at = System.nanoTime() + WARM_UP.toNanos();
    sleepUntil(at);
    double[] rates = new double[WINDOWS];
    long from = target.delivered();
    for (int w = 0; w < WINDOWS; w++) {
      at += WINDOW.toNanos();
      sleepUntil(at);
      long now = target.delivered();
      rates[w] = (now - from) / (WINDOW.toNanos() / 1e9);
      from = now;
    }
    streams.forEach(OutboundStream::stopSending);
    long sent = driver.sent() - sentBefore;
    boolean drained = target.awaitDelivered(deliveredBefore + sent, DRAIN);
    long delivered = target.delivered() - deliveredBefore;
    closeAll(streams);
    String note =
        drained
            ? ""
            : "; " + (sent - delivered) + " not delivered after " + DRAIN.toSeconds() + " s";
    return new Throughput(rates, sent, delivered, drained ? 0 : sent - delivered, note);
  }

  /** Open, dialback, close, again: {@link #HANDSHAKE_CONCURRENCY} loops, counted per window. */
  static Throughput handshakes(S2sLoadDriver driver, FederationTarget target) throws Exception {
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicLong done = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    AtomicInteger inFlight = new AtomicInteger();
    String[] firstFailure = new String[1];
    Runnable[] loop = new Runnable[1];
    loop[0] =
        () -> {
          if (!running.get()) {
            return;
          }
          inFlight.incrementAndGet();
          driver
              .open(target.s2s(), target.domain())
              .thenCompose(OutboundStream::close)
              .whenComplete(
                  (ok, error) -> {
                    if (error == null) {
                      done.incrementAndGet();
                    } else {
                      failed.incrementAndGet();
                      synchronized (firstFailure) {
                        firstFailure[0] =
                            firstFailure[0] == null ? error.toString() : firstFailure[0];
                      }
                    }
                    inFlight.decrementAndGet();
                    if (error == null || failed.get() < 1_000) {
                      loop[0].run();
                    }
                  });
        };
    for (int i = 0; i < HANDSHAKE_CONCURRENCY; i++) {
      loop[0].run();
    }
    long at = System.nanoTime() + WARM_UP.toNanos();
    sleepUntil(at);
    double[] rates = new double[WINDOWS];
    long from = done.get();
    long failedFrom = failed.get();
    for (int w = 0; w < WINDOWS; w++) {
      at += WINDOW.toNanos();
      sleepUntil(at);
      long now = done.get();
      rates[w] = (now - from) / (WINDOW.toNanos() / 1e9);
      from = now;
    }
    running.set(false);
    if (done.get() == 0) {
      throw new IllegalStateException("no handshake succeeded: " + firstFailure[0]);
    }
    long failures = failed.get() - failedFrom;
    AtomicInteger settle = inFlight;
    io.lyncemu.bench.xmpp.Waits.until(() -> settle.get() == 0, DRAIN);
    String note =
        firstFailure[0] == null
            ? ""
            : "; first failure: " + P2pImBenchmark.abbreviate(firstFailure[0]);
    return new Throughput(rates, 0, 0, failures, note);
  }

  /** Memory held per authenticated idle stream, as the target measures itself. */
  static Idle idle(S2sLoadDriver driver, FederationTarget target) throws Exception {
    long serverBefore = target.memoryBytes();
    long heapBefore = EmulatorTarget.heapAfterGc();
    List<OutboundStream> streams = new ArrayList<>();
    try {
      for (int opened = 0; opened < IDLE_STREAMS; opened += 100) {
        streams.addAll(openStreams(driver, target, Math.min(100, IDLE_STREAMS - opened)));
      }
      long serverAfter = target.memoryBytes();
      long heapAfter = EmulatorTarget.heapAfterGc();
      return new Idle(
          serverAfter - serverBefore,
          heapAfter - heapBefore,
          streams.size(),
          target.memoryMethod());
    } finally {
      closeAll(streams);
    }
  }

  private static List<OutboundStream> openStreams(
      S2sLoadDriver driver, FederationTarget target, int count) throws Exception {
    List<CompletableFuture<OutboundStream>> opening = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      opening.add(driver.open(target.s2s(), target.domain()));
    }
    CompletableFuture.allOf(opening.toArray(CompletableFuture[]::new))
        .get(OPEN.toSeconds(), TimeUnit.SECONDS);
    return opening.stream().map(CompletableFuture::join).toList();
  }

  private static void closeAll(List<OutboundStream> streams) throws Exception {
    CompletableFuture.allOf(
            streams.stream().map(OutboundStream::close).toArray(CompletableFuture[]::new))
        .get(OPEN.toSeconds(), TimeUnit.SECONDS);
  }

  private static Row throughputRow(String name, Throughput t, String missing) {
    String goal = ">= 20,000 /s and > Prosody";
    if (t == null) {
      return Row.notRun(name, goal, missing);
    }
    return new Row(
        name,
        Row.NONE,
        Row.NONE,
        Row.perSecond(t.median()),
        goal,
        name.endsWith("Prosody")
            ? "-"
            : Row.verdict(t.median() >= GOAL_PER_SECOND && t.failures() == 0),
        String.format(
                Locale.ROOT,
                "windows %s; %,d sent, %,d delivered",
                windows(t.rates()),
                t.sent(),
                t.delivered())
            + t.note());
  }

  private static Row handshakeRow(String name, Throughput t, String missing) {
    String goal = "(informational)";
    if (t == null) {
      return Row.notRun(name, goal, missing);
    }
    return new Row(
        name,
        Row.NONE,
        Row.NONE,
        Row.perSecond(t.median()),
        goal,
        "-",
        String.format(
                Locale.ROOT,
                "%d in flight; windows %s; %d failed",
                HANDSHAKE_CONCURRENCY,
                windows(t.rates()),
                t.failures())
            + t.note());
  }

  private static Row ratioRow(String name, Throughput emulator, Throughput prosody) {
    if (emulator == null || prosody == null || prosody.median() == 0) {
      return Row.notRun(name, "> 1.00x", "needs both servers");
    }
    double ratio = emulator.median() / prosody.median();
    return new Row(
        name,
        Row.NONE,
        Row.NONE,
        String.format(Locale.ROOT, "%.2fx", ratio),
        "> 1.00x",
        Row.verdict(ratio > 1.0),
        "medians of "
            + WINDOWS
            + " windows of "
            + WINDOW.toSeconds()
            + " s after "
            + WARM_UP.toSeconds()
            + " s warm-up");
  }

  private static List<Row> memoryRows(
      Idle emulator, Idle prosody, String emulatorMissing, String prosodyMissing) {
    String name = "5d. memory per idle s2s stream (" + IDLE_STREAMS + " open)";
    List<Row> rows = new ArrayList<>();
    if (emulator == null) {
      rows.add(Row.notRun(name + ": emulator", "(informational)", emulatorMissing));
    } else {
      // The driver's share of the heap is known from the Prosody run, where the server is outside.
      long driverShare = prosody == null ? 0 : prosody.driverHeapBytes();
      long server = emulator.driverHeapBytes() - driverShare;
      rows.add(
          new Row(
              name + ": emulator",
              kib(server / emulator.streams()),
              Row.NONE,
              Row.NONE,
              "(informational)",
              "-",
              String.format(
                  Locale.ROOT,
                  "%s: JVM heap after GC +%s, driver's own share %s%s",
                  emulator.method(),
                  kib(emulator.driverHeapBytes()),
                  kib(driverShare),
                  prosody == null ? " (unknown: Prosody not run, so not subtracted)" : "")));
    }
    if (prosody == null) {
      rows.add(Row.notRun(name + ": Prosody", "(informational)", prosodyMissing));
    } else {
      rows.add(
          new Row(
              name + ": Prosody",
              kib(prosody.serverBytes() / prosody.streams()),
              Row.NONE,
              Row.NONE,
              "(informational)",
              "-",
              prosody.method() + ": +" + kib(prosody.serverBytes())));
    }
    return rows;
  }

  private static String kib(long bytes) {
    return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
  }

  private static String windows(double[] rates) {
    StringBuilder out = new StringBuilder();
    for (double rate : rates) {
      out.append(out.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%,.0f", rate));
    }
    return out + " /s";
  }

  /** Measurement windows are timed, not synchronisation: the caller waits for the clock. */
  private static void sleepUntil(long nanoTime) throws InterruptedException {
    for (long left = nanoTime - System.nanoTime(); left > 0; left = nanoTime - System.nanoTime()) {
      Thread.sleep(Math.max(1, left / 1_000_000));
    }
  }
}
