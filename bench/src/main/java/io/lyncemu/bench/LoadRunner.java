package io.lyncemu.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop load: N threads, each on its own kept-alive connection, repeat one operation until a
 * deadline. The first {@code warmUp} is run but not recorded (JIT, pools, TLS-free sockets settle);
 * only operations that start and end inside the measured window count. Every loop is bounded twice,
 * by the deadline and by {@code maxOpsPerThread}, and a thread gives up after too many errors, so a
 * broken server ends the run instead of spinning.
 */
final class LoadRunner {
  /**
   * One unit of work on a connection; returns normally only when every answer was as expected, with
   * true when the server keeps the connection open for the next one.
   */
  interface Operation {
    boolean run(HttpConnection connection) throws IOException, UnexpectedAnswerException;
  }

  /**
   * Builds one {@link Operation} per thread, so each may keep its own state (e.g. an NTLM client).
   */
  interface OperationFactory {
    Operation create(int thread);
  }

  /**
   * An answer with the wrong status or content: counted as a failure, the connection is renewed.
   */
  static final class UnexpectedAnswerException extends Exception {
    UnexpectedAnswerException(String message) {
      super(message, null, false, false);
    }
  }

  record Result(
      long operations,
      long failures,
      long reconnects,
      double seconds,
      long cpuNanos,
      Samples.Summary latency,
      String firstFailure) {
    double perSecond() {
      return operations / seconds;
    }

    /**
     * CPU time this JVM (server and client together) spent per counted operation. Unlike the rate
     * it hardly depends on what else the machine is running, so it stays comparable on a busy
     * 2-core box.
     */
    double cpuMillisPerOperation() {
      return operations == 0 ? Double.NaN : cpuNanos / 1e6 / operations;
    }
  }

  private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
  private static final long MAX_FAILURES_PER_THREAD = 1_000;

  private LoadRunner() {}

  static Result run(
      int port,
      int threads,
      Duration warmUp,
      Duration measure,
      long maxOpsPerThread,
      OperationFactory operations)
      throws InterruptedException {
    long start = System.nanoTime() + Duration.ofMillis(50).toNanos();
    long measureFrom = start + warmUp.toNanos();
    long measureUntil = measureFrom + measure.toNanos();
    AtomicLong counted = new AtomicLong();
    AtomicLong failures = new AtomicLong();
    AtomicLong reconnects = new AtomicLong();
    ConcurrentHashMap<Integer, Samples> samples = new ConcurrentHashMap<>();
    String[] firstFailure = new String[1];
    List<Thread> workers = new ArrayList<>(threads);
    for (int t = 0; t < threads; t++) {
      int index = t;
      Operation operation = operations.create(index);
      Thread worker =
          new Thread(
              () -> {
                Samples mine = new Samples(16 * 1024);
                samples.put(index, mine);
                long ops = 0;
                long failed = 0;
                HttpConnection connection = null;
                while (ops < maxOpsPerThread && failed < MAX_FAILURES_PER_THREAD) {
                  long begin = System.nanoTime();
                  if (begin >= measureUntil) {
                    break;
                  }
                  try {
                    if (connection == null) {
                      connection = new HttpConnection(port, CONNECT_TIMEOUT_MILLIS);
                    }
                    boolean keep = operation.run(connection);
                    long end = System.nanoTime();
                    if (!keep) {
                      connection.close();
                      connection = null;
                      reconnects.incrementAndGet();
                    }
                    ops++;
                    if (begin >= measureFrom && end <= measureUntil) {
                      counted.incrementAndGet();
                      mine.add(end - begin);
                    }
                  } catch (IOException | UnexpectedAnswerException | RuntimeException e) {
                    failed++;
                    long end = System.nanoTime();
                    if (begin >= measureFrom && end <= measureUntil) {
                      failures.incrementAndGet();
                    }
                    synchronized (firstFailure) {
                      if (firstFailure[0] == null) {
                        firstFailure[0] = e.toString();
                      }
                    }
                    if (connection != null) {
                      connection.close();
                      connection = null;
                    }
                  }
                }
                if (connection != null) {
                  connection.close();
                }
              },
              "load-" + index);
      worker.setDaemon(true);
      workers.add(worker);
    }
    workers.forEach(Thread::start);
    sleepUntil(measureFrom);
    long cpuFrom = ProcessCpu.nanos();
    sleepUntil(measureUntil);
    long cpuUntil = ProcessCpu.nanos();
    long joinDeadline = measureUntil + Duration.ofSeconds(30).toNanos();
    for (Thread worker : workers) {
      long left = Math.max(1, (joinDeadline - System.nanoTime()) / 1_000_000);
      worker.join(left);
    }
    Samples merged = Samples.merge(new ArrayList<>(samples.values()));
    return new Result(
        counted.get(),
        failures.get(),
        reconnects.get(),
        measure.toNanos() / 1e9,
        cpuFrom < 0 || cpuUntil < 0 ? -1 : cpuUntil - cpuFrom,
        merged.summarise(),
        firstFailure[0]);
  }

  private static void sleepUntil(long nanoTime) throws InterruptedException {
    for (long left = nanoTime - System.nanoTime(); left > 0; left = nanoTime - System.nanoTime()) {
      Thread.sleep(Math.max(1, left / 1_000_000));
    }
  }
}
