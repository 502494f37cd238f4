package io.lyncemu.bench;

import io.lyncemu.app.LyncEmulator;
import io.lyncemu.core.management.CmdletOutput;
import io.lyncemu.core.tls.LocalCertificateAuthority;
import io.lyncemu.mcx.McxServer;
import io.lyncemu.synthetic.HostResolver;
import io.lyncemu.synthetic.SyntheticEnvironment;
import io.lyncemu.synthetic.TestCsMcxP2PimCmdlet;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Measurement 2: one {@code Test-CsMcxP2PIM} synthetic transaction, in-process through {@link
 * LyncEmulator#invoke}. Each run must report Success; the driver counts the ones that do not.
 */
final class P2pImBenchmark {
  static final String CMDLET = "Test-CsMcxP2PIM";
  static final String COMMAND =
      "Test-CsMcxP2PIM -TargetFqdn atl-cs-001.litwareinc.com -Authentication Negotiate"
          + " -SenderSipAddress sip:kenmyer@litwareinc.com"
          + " -SenderCredential 'litwareinc\\kenmyer:Ken!Lync2013'"
          + " -ReceiverSipAddress sip:packerman@litwareinc.com"
          + " -ReceiverCredential 'litwareinc\\pilar:Pilar!Lync2013'";

  static final int WARM_UPS = 50;
  static final int RUNS = 1_000;
  static final Duration GOAL = Duration.ofMillis(20);

  /** Stop early rather than blow the benchmark's time box if a transaction hangs or crawls. */
  private static final Duration BUDGET = Duration.ofSeconds(60);

  private static final String NAME = "2. Test-CsMcxP2PIM in-process";

  private P2pImBenchmark() {}

  static Row run(LyncEmulator emulator) {
    String wiring = "";
    if (emulator.cmdlets().find(CMDLET).isEmpty()) {
      registerStandIn(emulator);
      wiring = "; cmdlet registered by the bench (emulator-app does not install it yet)";
    }
    long deadline = System.nanoTime() + BUDGET.toNanos();
    Samples latencies = new Samples(RUNS);
    int failures = 0;
    String firstFailure = null;
    int done = 0;
    long cpuFrom = 0;
    for (int run = 0; run < WARM_UPS + RUNS && System.nanoTime() < deadline; run++) {
      if (run == WARM_UPS) {
        cpuFrom = ProcessCpu.nanos();
      }
      long begin = System.nanoTime();
      String failure;
      try {
        failure = failureOf(emulator.invoke(COMMAND));
      } catch (RuntimeException e) {
        failure = e.toString();
      }
      long end = System.nanoTime();
      if (run < WARM_UPS) {
        continue;
      }
      done++;
      latencies.add(end - begin);
      if (failure != null) {
        failures++;
        firstFailure = firstFailure == null ? failure : firstFailure;
      }
    }
    long cpu = ProcessCpu.nanos() - cpuFrom;
    Samples.Summary summary = latencies.summarise();
    String notes =
        String.format(
                java.util.Locale.ROOT,
                "%d runs after %d warm-ups, %d not Success; CPU %.1f ms/run (client+server)",
                done,
                WARM_UPS,
                failures,
                done == 0 ? Double.NaN : cpu / 1e6 / done)
            + wiring;
    if (done < RUNS) {
      notes += "; stopped at the " + BUDGET.toSeconds() + " s budget";
    }
    if (firstFailure != null) {
      notes += "; first: " + abbreviate(firstFailure);
    }
    return new Row(
        NAME,
        Row.millis(summary.median()),
        Row.millis(summary.p99()),
        Row.NONE,
        "median < 20 ms",
        Row.verdict(summary.median() < GOAL.toNanos() && failures == 0 && done == RUNS),
        notes);
  }

  /**
   * Registers the cmdlet the way emulator-synthetic's own fixture wires it: the deployment's host
   * names resolve to the bound web-https listener, and TLS trusts the emulator's CA, reopened from
   * its state directory. A stand-in for the app's wiring, so the measurement exists before it does.
   */
  private static void registerStandIn(LyncEmulator emulator) {
    InetSocketAddress https = emulator.endpoints().get(McxServer.HTTPS);
    Loopback.port(https);
    LocalCertificateAuthority ca =
        LocalCertificateAuthority.openOrCreate(emulator.stateDir(), emulator.clock());
    HostResolver hosts = HostResolver.emulated(emulator.deployment().current().hostNames(), https);
    emulator
        .cmdlets()
        .register(
            new TestCsMcxP2PimCmdlet(
                new SyntheticEnvironment(
                    ca.clientContext(), hosts, Clock.systemUTC(), Duration.ofSeconds(10))));
  }

  /** Null when the output says Success, else why not: Lync's synthetic tests report Result. */
  private static String failureOf(CmdletOutput output) {
    if (!output.succeeded() || output.objects().isEmpty()) {
      return "cmdlet failed or returned nothing";
    }
    Object result = output.objects().get(0).get("Result");
    return "Success".equalsIgnoreCase(Objects.toString(result, ""))
        ? null
        : "Result=" + result + " " + output.objects().get(0);
  }

  static String abbreviate(String text) {
    String flat = text.replace('\n', ' ').replace('|', '/');
    return flat.length() <= 160 ? flat : flat.substring(0, 157) + "...";
  }
}
