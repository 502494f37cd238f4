package io.lyncemu.app.assembly;

import io.lyncemu.app.EmulatorScenarios;
import io.lyncemu.app.PortPlan;
import io.lyncemu.app.admin.AdminApi;
import io.lyncemu.app.admin.AdminBackend;
import io.lyncemu.app.admin.jetty.AdminServer;
import io.lyncemu.core.fault.FaultPlan;
import io.lyncemu.core.journal.InMemoryEventJournal;
import io.lyncemu.core.lifecycle.Service;
import io.lyncemu.core.lifecycle.ServiceGroup;
import io.lyncemu.core.lifecycle.StartupException;
import io.lyncemu.core.management.CmdletRegistry;
import io.lyncemu.core.routing.MessageRouter;
import io.lyncemu.core.scenario.ScenarioCatalog;
import io.lyncemu.core.scenario.ScenarioRunner;
import io.lyncemu.core.services.WindowsServices;
import io.lyncemu.core.time.EmulatorClock;
import io.lyncemu.core.tls.LocalCertificateAuthority;
import io.lyncemu.core.topology.Deployment;
import io.lyncemu.core.topology.Topology;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Builds one emulator from its settings: the core objects, every module and the admin server.
 * Starts nothing; the returned {@link Assembly#services()} group does that. Stateless.
 */
public final class EmulatorAssembly {
  /** How long any one service may take to stop before its threads are abandoned. */
  public static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

  private EmulatorAssembly() {}

  /**
   * What to build.
   *
   * @param modules the modules to install, in order; see {@link #discoveredModules()}
   * @param dnsUpstream {@code HOST:PORT} of the DNS server for names outside the emulated zones;
   *     blank for the system resolver
   */
  public record Settings(
      Topology topology,
      PortPlan ports,
      Path stateDir,
      EmulatorClock clock,
      RandomGenerator random,
      boolean adminApi,
      List<EmulatorModule> modules,
      String version,
      String dnsUpstream) {
    public Settings {
      Objects.requireNonNull(topology, "topology");
      Objects.requireNonNull(ports, "ports");
      Objects.requireNonNull(stateDir, "stateDir");
      Objects.requireNonNull(clock, "clock");
      Objects.requireNonNull(random, "random");
      modules = List.copyOf(modules);
      Objects.requireNonNull(version, "version");
      dnsUpstream = dnsUpstream == null ? "" : dnsUpstream.trim();
    }

    /** Settings with the system resolver as the DNS upstream. */
    public Settings(
        Topology topology,
        PortPlan ports,
        Path stateDir,
        EmulatorClock clock,
        RandomGenerator random,
        boolean adminApi,
        List<EmulatorModule> modules,
        String version) {
      this(topology, ports, stateDir, clock, random, adminApi, modules, version, "");
    }
  }

  /** Everything one emulator is made of; {@code services} starts and stops it as a whole. */
  public record Assembly(
      EmulatorClock clock,
      InMemoryEventJournal journal,
      Deployment deployment,
      FaultPlan faults,
      MessageRouter router,
      WindowsServices windowsServices,
      CmdletRegistry cmdlets,
      EmulatorScenarios scenarios,
      LocalCertificateAuthority certificateAuthority,
      Listeners listeners,
      ServiceGroup services) {}

  /** The core module first, then every module listed for {@link ServiceLoader}. */
  public static List<EmulatorModule> discoveredModules() {
    List<EmulatorModule> modules = new ArrayList<>();
    modules.add(new CoreModule());
    ServiceLoader.load(EmulatorModule.class, EmulatorAssembly.class.getClassLoader())
        .forEach(modules::add);
    return modules;
  }

  public static Assembly assemble(Settings settings) {
    EmulatorClock clock = settings.clock();
    InMemoryEventJournal journal = new InMemoryEventJournal(clock);
    Deployment deployment = new Deployment(settings.topology(), journal);
    FaultPlan faults = new FaultPlan(clock, journal);
    MessageRouter router = new MessageRouter(deployment, journal);
    WindowsServices windowsServices = new WindowsServices(journal);
    CmdletRegistry cmdlets = new CmdletRegistry(journal);
    EmulatorScenarios scenarios =
        new EmulatorScenarios(
            ScenarioCatalog.fromClasspath(EmulatorAssembly.class.getClassLoader()),
            new ScenarioRunner(deployment, cmdlets, faults, windowsServices, journal));
    LocalCertificateAuthority ca =
        LocalCertificateAuthority.openOrCreate(settings.stateDir(), clock);

    List<ListenerSpec> specs = new ArrayList<>();
    checkListeners(settings, specs);
    ModuleContext context =
        new ModuleContext(
            deployment,
            journal,
            clock,
            faults,
            router,
            windowsServices,
            cmdlets,
            scenarios,
            ca,
            settings.ports(),
            settings.random(),
            settings.stateDir());
    context.dnsUpstream(settings.dnsUpstream());
    for (EmulatorModule module : settings.modules()) {
      module.install(context);
    }
    List<Service> services = new ArrayList<>(context.servicesToStart());
    Listeners listeners = new Listeners(specs);
    if (settings.adminApi()) {
      AdminApi api =
          new AdminApi(
              new AdminBackend(
                  cmdlets, journal, clock, scenarios, listeners, ca.pemFile(), settings.version()));
      // Last, so that a client that sees the admin API up can rely on every other listener.
      services.add(
          new AdminServer(
              api,
              settings.ports().bindHost(),
              settings.ports().portFor(AdminServer.LISTENER, PortPlan.ADMIN_PORT),
              STOP_TIMEOUT));
    }
    ServiceGroup group = new ServiceGroup("lyncemu", services);
    listeners.readFrom(group::endpoints);
    return new Assembly(
        clock,
        journal,
        deployment,
        faults,
        router,
        windowsServices,
        cmdlets,
        scenarios,
        ca,
        listeners,
        group);
  }

  /**
   * Collects the promised listeners into {@code specs} and refuses a port plan that names a
   * listener nobody binds, because a typo in {@code --port} would otherwise be silently ignored.
   */
  private static void checkListeners(Settings settings, List<ListenerSpec> specs) {
    for (EmulatorModule module : settings.modules()) {
      specs.addAll(module.listeners());
    }
    if (settings.adminApi()) {
      specs.add(new ListenerSpec(AdminServer.LISTENER, PortPlan.ADMIN_PORT, "http"));
    }
    Set<String> known = new LinkedHashSet<>();
    specs.forEach(spec -> known.add(spec.name()));
    Set<String> documented = PortPlan.defaults().ports().keySet();
    for (String listener : settings.ports().ports().keySet()) {
      if (!known.contains(listener) && !documented.contains(listener)) {
        throw new StartupException(
            "unknown listener '" + listener + "' in the port plan; known listeners: " + known);
      }
    }
  }
}
