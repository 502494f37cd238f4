package io.lyncemu.app.assembly;

import io.lyncemu.core.services.EmulatedWindowsService;
import io.lyncemu.core.tls.ServerIdentity;
import io.lyncemu.core.topology.Topology;
import io.lyncemu.mcx.McxConfig;
import io.lyncemu.mcx.McxContext;
import io.lyncemu.mcx.McxServer;
import io.lyncemu.synthetic.SyntheticEnvironment;
import io.lyncemu.synthetic.TestCsMcxP2PimCmdlet;
import io.lyncemu.synthetic.TestCsXmppImCmdlet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The Front End's web services (autodiscover, web ticket, MCX, UCWA) as IIS hosts them: one {@link
 * McxServer} registered as the Windows service {@value #SERVICE}, so Stop-CsWindowsService W3SVC
 * takes both web listeners down as on a real Front End.
 */
public final class WebModule implements EmulatorModule {
  public static final String SERVICE = "W3SVC";
  public static final ListenerSpec HTTPS = new ListenerSpec(McxServer.HTTPS, 4443, "https");
  public static final ListenerSpec HTTP = new ListenerSpec(McxServer.HTTP, 8080, "http");

  @Override
  public String name() {
    return "web";
  }

  @Override
  public List<ListenerSpec> listeners() {
    return List.of(HTTPS, HTTP);
  }

  @Override
  public void install(ModuleContext context) {
    Topology topology = context.deployment().current();
    List<String> names = new ArrayList<>(topology.hostNames());
    names.add("localhost");
    ServerIdentity tls =
        context.certificateAuthority().serverIdentity("web", names, List.of("127.0.0.1", "::1"));
    McxServer server =
        new McxServer(
            new McxConfig(
                context.bindHost(),
                context.port(HTTPS),
                context.port(HTTP),
                McxConfig.DEFAULT_MAX_REQUEST_BYTES,
                EmulatorAssembly.STOP_TIMEOUT,
                McxConfig.DEFAULT_IDLE_TIMEOUT),
            new McxContext(
                context.deployment(),
                context.journal(),
                context.clock(),
                context.faults(),
                context.router(),
                context.windowsServices(),
                tls,
                context.random()));
    // The synthetic transaction is a real client: it reaches the server through the network, here
    // pointed at this emulator's own listener and trusting its CA.
    SyntheticEnvironment synthetic =
        new SyntheticEnvironment(
            context.certificateAuthority().clientContext(),
            new WebHostResolver(context.deployment(), server, McxServer.HTTPS),
            Clock.systemUTC(),
            SyntheticEnvironment.DEFAULT_TIMEOUT);
    context
        .cmdlets()
        .register(new TestCsMcxP2PimCmdlet(synthetic))
        .register(new TestCsXmppImCmdlet(synthetic));
    context.windowsService(
        new EmulatedWindowsService(
            SERVICE,
            "World Wide Web Publishing Service",
            "WebServer:" + topology.primaryPool().fqdn(),
            server));
  }
}
