package io.lyncemu.synthetic;

import io.lyncemu.core.fault.FaultPlan;
import io.lyncemu.core.journal.InMemoryEventJournal;
import io.lyncemu.core.management.CmdletArguments;
import io.lyncemu.core.management.CmdletOutput;
import io.lyncemu.core.management.PsObject;
import io.lyncemu.core.services.WindowsServices;
import io.lyncemu.core.time.EmulatorClock;
import io.lyncemu.core.tls.LocalCertificateAuthority;
import io.lyncemu.core.topology.Deployment;
import io.lyncemu.mcx.McxServer;
import io.lyncemu.mcx.WebFixture;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The emulator's web services on an ephemeral port over the built-in litwareinc topology
 * (emulator-mcx's {@link WebFixture}), and a Test-CsMcxP2PIM cmdlet wired to them: the emulator's
 * host names resolve to 127.0.0.1 and the bound HTTPS port, and TLS trusts the emulator's CA only.
 */
final class EmulatorFixture implements AutoCloseable {
  static final String TARGET = "atl-cs-001.litwareinc.com";
  static final String KEN = "sip:kenmyer@litwareinc.com";
  static final String KEN_CREDENTIAL = "litwareinc\\kenmyer:Ken!Lync2013";
  static final String PILAR = "sip:packerman@litwareinc.com";
  static final String PILAR_CREDENTIAL = "litwareinc\\pilar:Pilar!Lync2013";

  final WebFixture web;
  final EmulatorClock clock;
  final InMemoryEventJournal journal;
  final Deployment deployment;
  final FaultPlan faults;
  final WindowsServices services;
  final LocalCertificateAuthority ca;
  final McxServer server;
  final int httpsPort;

  EmulatorFixture(Path stateDir) {
    web = new WebFixture(stateDir);
    clock = web.clock;
    journal = web.journal;
    deployment = web.deployment;
    faults = web.faults;
    services = web.services;
    ca = web.ca;
    server = web.server;
    httpsPort = web.httpsPort();
  }

  /** The cmdlet as the emulator wires it, with {@code clock} for the latency. */
  TestCsMcxP2PimCmdlet cmdlet(Clock latencyClock) {
    HostResolver hosts =
        HostResolver.emulated(
            deployment.current().hostNames(),
            new InetSocketAddress(InetAddress.getLoopbackAddress(), httpsPort));
    return new TestCsMcxP2PimCmdlet(
        new SyntheticEnvironment(ca.clientContext(), hosts, latencyClock, Duration.ofSeconds(10)));
  }

  /** Ken sends to Pilar, both with their right passwords, plus {@code extra} parameters. */
  CmdletOutput run(String... extra) {
    return cmdlet(Clock.systemUTC()).invoke(arguments(extra));
  }

  static CmdletArguments arguments(String... extra) {
    List<String> tokens =
        new ArrayList<>(
            List.of(
                "-TargetFqdn", TARGET,
                "-Authentication", "Negotiate",
                "-SenderSipAddress", KEN,
                "-SenderCredential", KEN_CREDENTIAL,
                "-ReceiverSipAddress", PILAR,
                "-ReceiverCredential", PILAR_CREDENTIAL));
    tokens.addAll(List.of(extra));
    return CmdletArguments.parse(tokens);
  }

  static PsObject only(CmdletOutput output) {
    if (output.objects().size() != 1) {
      throw new AssertionError("expected one TaskOutput, got " + output.objects());
    }
    return output.objects().get(0);
  }

  @Override
  public void close() {
    web.close();
  }
}
