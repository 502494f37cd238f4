package io.lyncemu.app.assembly;

import io.lyncemu.app.EmulatorScenarios;
import io.lyncemu.app.PortPlan;
import io.lyncemu.core.dns.EmulatedPorts;
import io.lyncemu.core.dns.NameResolver;
import io.lyncemu.core.dns.ZoneResolver;
import io.lyncemu.core.fault.FaultPlan;
import io.lyncemu.core.journal.EventJournal;
import io.lyncemu.core.lifecycle.Service;
import io.lyncemu.core.management.CmdletRegistry;
import io.lyncemu.core.net.ConnectionTable;
import io.lyncemu.core.routing.MessageRouter;
import io.lyncemu.core.services.EmulatedWindowsService;
import io.lyncemu.core.services.WindowsServices;
import io.lyncemu.core.time.EmulatorClock;
import io.lyncemu.core.tls.LocalCertificateAuthority;
import io.lyncemu.core.topology.Deployment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * What a module gets while it is installed: the shared core objects, and two ways to hand over a
 * service to start. Used on the assembling thread only; the collected services are read once
 * installation is over.
 */
public final class ModuleContext {
  private final Deployment deployment;
  private final EventJournal journal;
  private final EmulatorClock clock;
  private final FaultPlan faults;
  private final MessageRouter router;
  private final WindowsServices windowsServices;
  private final CmdletRegistry cmdlets;
  private final EmulatorScenarios scenarios;
  private final LocalCertificateAuthority certificateAuthority;
  private final PortPlan ports;
  private final RandomGenerator random;
  private final Path stateDir;
  private final List<Service> toStart = new ArrayList<>();
  private final EmulatedPorts emulatedPorts = new EmulatedPorts();
  private final ConnectionTable connections = new ConnectionTable();
  private final UpstreamResolver upstream = new UpstreamResolver();
  private final NameResolver resolver;
  private String dnsUpstream = "";

  ModuleContext(
      Deployment deployment,
      EventJournal journal,
      EmulatorClock clock,
      FaultPlan faults,
      MessageRouter router,
      WindowsServices windowsServices,
      CmdletRegistry cmdlets,
      EmulatorScenarios scenarios,
      LocalCertificateAuthority certificateAuthority,
      PortPlan ports,
      RandomGenerator random,
      Path stateDir) {
    this.deployment = Objects.requireNonNull(deployment, "deployment");
    this.journal = Objects.requireNonNull(journal, "journal");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.faults = Objects.requireNonNull(faults, "faults");
    this.router = Objects.requireNonNull(router, "router");
    this.windowsServices = Objects.requireNonNull(windowsServices, "windowsServices");
    this.cmdlets = Objects.requireNonNull(cmdlets, "cmdlets");
    this.scenarios = Objects.requireNonNull(scenarios, "scenarios");
    this.certificateAuthority =
        Objects.requireNonNull(certificateAuthority, "certificateAuthority");
    this.ports = Objects.requireNonNull(ports, "ports");
    this.random = Objects.requireNonNull(random, "random");
    this.stateDir = Objects.requireNonNull(stateDir, "stateDir");
    this.resolver = new ZoneResolver(deployment, emulatedPorts, upstream);
  }

  /**
   * Where each emulated host's well-known port is really bound. A listener registers here when it
   * binds, so SRV answers point at it.
   */
  public EmulatedPorts emulatedPorts() {
    return emulatedPorts;
  }

  /**
   * The resolver the emulator's own clients use: the emulated zones first, then the upstream (none
   * until a module such as the DNS module sets one with {@link #useUpstreamResolver}).
   */
  public NameResolver nameResolver() {
    return resolver;
  }

  /** Listening sockets and connections of the emulated servers, for the netstat view. */
  public ConnectionTable connections() {
    return connections;
  }

  /**
   * The {@code HOST:PORT} of the DNS server the user named for names outside the emulated zones
   * ({@code --dns-upstream}), blank for the system resolver.
   */
  public String dnsUpstream() {
    return dnsUpstream;
  }

  void dnsUpstream(String value) {
    dnsUpstream = Objects.requireNonNull(value, "dnsUpstream");
  }

  /** Sets where names outside the emulated zones are looked up. */
  public void useUpstreamResolver(NameResolver value) {
    upstream.set(value);
  }

  public Deployment deployment() {
    return deployment;
  }

  public EventJournal journal() {
    return journal;
  }

  public EmulatorClock clock() {
    return clock;
  }

  public FaultPlan faults() {
    return faults;
  }

  public MessageRouter router() {
    return router;
  }

  public WindowsServices windowsServices() {
    return windowsServices;
  }

  public CmdletRegistry cmdlets() {
    return cmdlets;
  }

  public EmulatorScenarios scenarios() {
    return scenarios;
  }

  public LocalCertificateAuthority certificateAuthority() {
    return certificateAuthority;
  }

  public RandomGenerator random() {
    return random;
  }

  public Path stateDir() {
    return stateDir;
  }

  public String bindHost() {
    return ports.bindHost();
  }

  /** The port to configure for {@code listener}: explicit, 0 when ephemeral, else well-known. */
  public int port(ListenerSpec listener) {
    return ports.portFor(listener.name(), listener.wellKnownPort());
  }

  /**
   * Registers a Windows service (listed by Get-CsWindowsService, stopped and started by the
   * cmdlets) and starts its backing service with the emulator.
   */
  public void windowsService(EmulatedWindowsService service) {
    windowsServices.register(service);
    toStart.add(service.backing());
  }

  /** Starts {@code service} with the emulator without listing it as a Windows service. */
  public void service(Service service) {
    toStart.add(Objects.requireNonNull(service, "service"));
  }

  List<Service> servicesToStart() {
    return List.copyOf(toStart);
  }
}
