package io.lyncemu.mcx;

import io.lyncemu.core.fault.FaultPlan;
import io.lyncemu.core.journal.InMemoryEventJournal;
import io.lyncemu.core.routing.MessageRouter;
import io.lyncemu.core.services.EmulatedWindowsService;
import io.lyncemu.core.services.WindowsServices;
import io.lyncemu.core.time.EmulatorClock;
import io.lyncemu.core.tls.LocalCertificateAuthority;
import io.lyncemu.core.topology.Deployment;
import io.lyncemu.core.topology.TopologyLoader;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;

/** A running web server on port 0 over the default topology, for tests of this module. */
final class WebFixture implements AutoCloseable {
  final EmulatorClock clock = EmulatorClock.system();
  final InMemoryEventJournal journal = new InMemoryEventJournal(clock);
  final Deployment deployment = new Deployment(new TopologyLoader().builtIn("litwareinc"), journal);
  final FaultPlan faults = new FaultPlan(clock, journal);
  final MessageRouter router = new MessageRouter(deployment, journal);
  final WindowsServices services = new WindowsServices(journal);
  final LocalCertificateAuthority ca;
  final McxServer server;

  WebFixture(Path stateDir) {
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
  }

  int httpsPort() {
    return server.port(McxServer.HTTPS);
  }

  int httpPort() {
    return server.port(McxServer.HTTP);
  }

  @Override
  public void close() {
    server.stop();
  }
}
