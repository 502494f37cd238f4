package io.lyncemu.edge.peers;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * SIPp (Debian's sip-tester 3.6.1) over TCP on loopback: a UAC that sends one request, or a UAS
 * that answers every request with a fixed status. Debian's build has no TLS, hence TCP ({@code -t
 * t1}: one socket); put stunnel in front for TLS. Verdicts come from the {@code -trace_msg} file,
 * not the exit status (a UAS's calls count as failed when the peer closes the connection).
 *
 * <p>Call {@link Peer#require()} on {@link Peer#sipp()} first so a machine without SIPp skips.
 */
public final class SippPeer implements AutoCloseable {
  private static final Duration STOP_GRACE = Duration.ofSeconds(5);

  /** SIPp's own bound on a UAC call; the Java side waits a little longer. */
  private static final Duration UAC_TIMEOUT = Duration.ofSeconds(10);

  private final Path dir;
  private final Process process;
  private final int port;

  private SippPeer(Path dir, Process process, int port) {
    this.dir = dir;
    this.process = process;
    this.port = port;
  }

  /**
   * Starts a UAS on a free 127.0.0.1 TCP port answering every request with {@code status} and its
   * usual reason phrase; returns once the port listens.
   */
  public static SippPeer uas(int status) throws IOException {
    return uas(status, SippScenarios.reason(status));
  }

  public static SippPeer uas(int status, String reason) throws IOException {
    int port = FreePorts.tcp();
    SippPeer uas =
        start("uas", SippScenarios.uas(status, reason), port, List.of(/* no remote: listen */ ));
    try {
      await("sipp UAS listening on " + port)
          .atMost(Duration.ofSeconds(10))
          .pollDelay(Duration.ofMillis(20))
          .pollInterval(Duration.ofMillis(50))
          .failFast("sipp exited", () -> !uas.process.isAlive())
          .until(() -> FreePorts.listening(port));
    } catch (RuntimeException e) {
      String trace = uas.outputTail();
      uas.close();
      throw new IOException("sipp UAS did not start: " + e + "\n" + trace, e);
    }
    return uas;
  }

  /**
   * Starts a UAC sending {@code request} once to 127.0.0.1:{@code port}, expecting {@code
   * expectedStatus}. Read the outcome with {@link #awaitResult()}.
   */
  public static SippPeer uac(String host, int port, SipRequest request, int expectedStatus)
      throws IOException {
    return start(
        "uac",
        SippScenarios.uac(request, expectedStatus),
        FreePorts.tcp(),
        List.of(
            host + ":" + port,
            "-m",
            "1",
            "-timeout",
            UAC_TIMEOUT.toSeconds() + "s",
            "-timeout_error"));
  }

  /** Runs a UAC to completion: {@link #uac} then {@link #awaitResult()}, always closed. */
  public static SippResult send(String host, int port, SipRequest request, int expectedStatus)
      throws IOException {
    try (SippPeer uac = uac(host, port, request, expectedStatus)) {
      return uac.awaitResult();
    }
  }

  /** The local TCP port: where a UAS listens, where a UAC's socket is bound. */
  public int port() {
    return port;
  }

  /** Waits (bounded) for a UAC to finish and returns what it sent and received. */
  public SippResult awaitResult() throws IOException {
    Duration bound = UAC_TIMEOUT.plusSeconds(10);
    try {
      if (!process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
        ProcessTree.stop(process, STOP_GRACE);
        throw new IOException("sipp did not finish within " + bound + "\n" + result());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted waiting for sipp", e);
    }
    return result();
  }

  /** Waits (bounded) until a UAS has received {@code count} requests; returns the trace so far. */
  public SippResult awaitRequests(int count, Duration timeout) {
    return await("sipp received " + count + " request(s)")
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(50))
        .until(this::result, r -> r.receivedRequests().size() >= count);
  }

  /** What the trace shows so far (SIPp flushes it per message, so a running UAS can be read). */
  public SippResult result() {
    String trace = PeerFiles.read(traceFile());
    Integer exit = process.isAlive() ? null : process.exitValue();
    return new SippResult(
        exit, SippTrace.parse(trace), trace + "\n--- sipp output ---\n" + outputTail());
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Kills SIPp and deletes its scenario, trace and output. */
  @Override
  public void close() {
    try {
      ProcessTree.stop(process, STOP_GRACE);
    } finally {
      PeerFiles.deleteTree(dir);
    }
  }

  private String outputTail() {
    return PeerFiles.tail(dir.resolve("sipp.out"), 40) + "\n" + PeerFiles.tail(errorFile(), 40);
  }

  private Path traceFile() {
    return dir.resolve("messages.log");
  }

  private Path errorFile() {
    return dir.resolve("errors.log");
  }

  private static SippPeer start(String role, String scenario, int localPort, List<String> extra)
      throws IOException {
    Peer peer = Peer.sipp();
    Path dir = Files.createTempDirectory("lyncemu-sipp-" + role + "-");
    try {
      Path scenarioFile = dir.resolve(role + ".xml");
      Files.writeString(scenarioFile, scenario, StandardCharsets.ISO_8859_1);
      List<String> command = new ArrayList<>();
      command.add(peer.executable().toString());
      command.addAll(extra);
      command.addAll(
          List.of(
              "-sf",
              scenarioFile.toString(),
              "-t",
              "t1",
              "-i",
              "127.0.0.1",
              "-p",
              Integer.toString(localPort),
              // no default behaviours: no BYE after an unexpected response, no automatic answers
              "-nd",
              // SIPp reads keyboard commands from stdin; it has none here
              "-nostdin",
              "-trace_msg",
              "-message_file",
              dir.resolve("messages.log").toString(),
              "-trace_err",
              "-error_file",
              dir.resolve("errors.log").toString()));
      Process process =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("sipp.out").toFile())
              .start();
      return new SippPeer(dir, process, localPort);
    } catch (IOException | RuntimeException e) {
      PeerFiles.deleteTree(dir);
      throw e;
    }
  }
}
