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

/**
 * A running web server on port 0 over the default topology, for tests of this module (public so the
 * peer and hostile-input test packages can share it).
 */
public final class WebFixture implements AutoCloseable {
  public final EmulatorClock clock = EmulatorClock.system();
  public final InMemoryEventJournal journal = new InMemoryEventJournal(clock);
  public final Deployment deployment =
      new Deployment(new TopologyLoader().builtIn("litwareinc"), journal);
  public final FaultPlan faults = new FaultPlan(clock, journal);
  public final MessageRouter router = new MessageRouter(deployment, journal);
  public final WindowsServices services = new WindowsServices(journal);
  public final LocalCertificateAuthority ca;
  public final McxServer server;

  public WebFixture(Path stateDir) {
    this(stateDir, McxConfig.ephemeral());
  }

  public WebFixture(Path stateDir, McxConfig config) {
    ca = LocalCertificateAuthority.openOrCreate(stateDir, clock);
    var identity = ca.serverIdentity("web", deployment.current().hostNames(), List.of("127.0.0.1"));
    server =
        new McxServer(
            config,
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

  public int httpsPort() {
    return server.port(McxServer.HTTPS);
  }

  public int httpPort() {
    return server.port(McxServer.HTTP);
  }

  @Override
  public void close() {
    server.close();
  }
}
