package io.lyncemu.synthetic;

import io.lyncemu.core.fault.FaultPlan;
import io.lyncemu.core.journal.InMemoryEventJournal;
import io.lyncemu.core.management.CmdletArguments;
import io.lyncemu.core.management.CmdletOutput;
import io.lyncemu.core.management.PsObject;
import io.lyncemu.core.routing.MessageRouter;
import io.lyncemu.core.services.EmulatedWindowsService;
import io.lyncemu.core.services.WindowsServices;
import io.lyncemu.core.time.EmulatorClock;
import io.lyncemu.core.tls.LocalCertificateAuthority;
import io.lyncemu.core.topology.Deployment;
import io.lyncemu.core.topology.TopologyLoader;
import io.lyncemu.mcx.McxConfig;
import io.lyncemu.mcx.McxContext;
import io.lyncemu.mcx.McxServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The emulator's web services on an ephemeral port over the built-in litwareinc topology (the setup
 * of emulator-mcx's own test fixture), and a Test-CsMcxP2PIM cmdlet wired to them: the emulator's
 * host names resolve to 127.0.0.1 and the bound HTTPS port, and TLS trusts the emulator's CA only.
 */
final class EmulatorFixture implements AutoCloseable {
  static final String TARGET = "atl-cs-001.litwareinc.com";
  static final String KEN = "sip:kenmyer@litwareinc.com";
  static final String KEN_CREDENTIAL = "litwareinc\\kenmyer:Ken!Lync2013";
  static final String PILAR = "sip:packerman@litwareinc.com";
  static final String PILAR_CREDENTIAL = "litwareinc\\pilar:Pilar!Lync2013";

  final EmulatorClock clock = EmulatorClock.system();
  final InMemoryEventJournal journal = new InMemoryEventJournal(clock);
  final Deployment deployment = new Deployment(new TopologyLoader().builtIn("litwareinc"), journal);
  final FaultPlan faults = new FaultPlan(clock, journal);
  final MessageRouter router = new MessageRouter(deployment, journal);
  final WindowsServices services = new WindowsServices(journal);
  final LocalCertificateAuthority ca;
  final McxServer server;
  final int httpsPort;

  EmulatorFixture(Path stateDir) {
    ca = LocalCertificateAuthority.openOrCreate(stateDir, clock);
    var identity = ca.serverIdentity("web", deployment.current().hostNames(), List.of("127.0.0.1"));
    server =
        new McxServer(
            McxConfig.ephemeral(),
            new McxContext(
                deployment,
                journal,
                clock,
                faults,
                router,
                services,
                identity,
                new SecureRandom()));
    services.register(
        new EmulatedWindowsService(
            "W3SVC", "World Wide Web Publishing Service", "WebServer", server));
    server.start();
    httpsPort = server.port(McxServer.HTTPS);
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
    server.stop();
  }
}
