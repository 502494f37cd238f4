package io.lyncemu.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.lyncemu.app.assembly.EmulatorAssembly;
import io.lyncemu.app.assembly.EmulatorAssembly.Assembly;
import io.lyncemu.app.assembly.EmulatorModule;
import io.lyncemu.app.assembly.Listeners;
import io.lyncemu.core.EmulatorException;
import io.lyncemu.core.fault.FaultPlan;
import io.lyncemu.core.journal.EventJournal;
import io.lyncemu.core.lifecycle.StartupException;
import io.lyncemu.core.management.CmdletOutput;
import io.lyncemu.core.management.CmdletRegistry;
import io.lyncemu.core.routing.MessageRouter;
import io.lyncemu.core.scenario.Scenario;
import io.lyncemu.core.services.WindowsServices;
import io.lyncemu.core.time.EmulatorClock;
import io.lyncemu.core.topology.Deployment;
import io.lyncemu.core.topology.Topology;
import io.lyncemu.core.topology.TopologyLoader;
import io.lyncemu.edge.dns.UpstreamDnsResolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One emulated Lync deployment in this JVM: build it, {@link #start()} it, talk to its endpoints,
 * drive it with cmdlets and scenarios, read its journal, {@link #stop()} it.
 *
 * <pre>{@code
 * try (LyncEmulator lync = LyncEmulator.builder().ports(PortPlan.ephemeral()).build()) {
 *   lync.start();
 *   InetSocketAddress web = lync.endpoints().get("web-https");
 *   lync.invoke("Set-CsUser -Identity sip:kenmyer@litwareinc.com -Enabled $False");
 * }
 * }</pre>
 *
 * <p>Everything is built by {@link Builder#build()}; start binds the listeners and returns only
 * when all are bound; a failed start stops whatever had started. An emulator runs once: after
 * {@link #stop()} build a new one. Thread-safe: start and stop are serialised, every accessor may
 * be called from any thread.
 */
public final class LyncEmulator implements AutoCloseable {
  /** The file, in the state directory, holding the bound listeners after start. */
  public static final String ENDPOINTS_FILE = "endpoints.json";

  private static final Logger LOG = LoggerFactory.getLogger(LyncEmulator.class);

  private enum State {
    NEW,
    RUNNING,
    STOPPED
  }

  private final Assembly assembly;
  private final Path stateDir;
  private final boolean deleteStateDir;
  private final Optional<Scenario> initialScenario;
  private State state = State.NEW;

  private LyncEmulator(
      Assembly assembly, Path stateDir, boolean deleteStateDir, Optional<Scenario> scenario) {
    this.assembly = assembly;
    this.stateDir = stateDir;
    this.deleteStateDir = deleteStateDir;
    this.initialScenario = scenario;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The product version, e.g. {@code 0.1.0-SNAPSHOT}, or {@code dev} when run from sources. */
  public static String version() {
    try (InputStream in = LyncEmulator.class.getResourceAsStream("version.txt")) {
      if (in == null) {
        return "dev";
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
      return text.isEmpty() || text.startsWith("$") ? "dev" : text;
    } catch (IOException e) {
      return "dev";
    }
  }

  /**
   * Binds every listener, applies the builder's scenario and writes {@value #ENDPOINTS_FILE}.
   *
   * @throws StartupException naming the remedy (e.g. a port in use); nothing is left running
   * @throws IllegalStateException when already stopped
   */
  public synchronized void start() {
    if (state == State.RUNNING) {
      return;
    }
    if (state == State.STOPPED) {
      throw new IllegalStateException("this emulator was stopped; build a new one to start again");
    }
    try {
      assembly.services().start();
      initialScenario.ifPresent(assembly.scenarios()::apply);
      writeEndpoints();
    } catch (RuntimeException failure) {
      state = State.STOPPED;
      release(failure);
      throw failure;
    }
    state = State.RUNNING;
    LOG.info("Lync Emulator {} started: {}", version(), endpoints());
  }

  /** Stops every service and releases its ports and threads; idempotent and bounded. */
  public synchronized void stop() {
    if (state == State.STOPPED) {
      return;
    }
    state = State.STOPPED;
    release(null);
    LOG.info("Lync Emulator stopped");
  }

  private void release(RuntimeException primary) {
    try {
      // close, not stop: the emulator is done for good, so services release what outlives a mere
      // restart too (MCX sessions, UCWA applications, timer threads).
      assembly.services().close();
    } catch (RuntimeException e) {
      if (primary == null) {
        throw e;
      }
      primary.addSuppressed(e);
    } finally {
      if (deleteStateDir) {
        deleteTree(stateDir);
      }
    }
  }

  @Override
  public void close() {
    stop();
  }

  public synchronized boolean isRunning() {
    return state == State.RUNNING;
  }

  /** Bound addresses by listener name ({@code admin}, {@code web-https} …), read back. */
  public Map<String, InetSocketAddress> endpoints() {
    return assembly.services().endpoints();
  }

  /** Host, port and URL of each bound listener. */
  public Map<String, Listeners.BoundListener> endpointTable() {
    return assembly.listeners().table();
  }

  /** Promised listeners that are not bound now (all of them before start). */
  public List<String> unboundListeners() {
    return assembly.listeners().unbound();
  }

  public EventJournal journal() {
    return assembly.journal();
  }

  public EmulatorClock clock() {
    return assembly.clock();
  }

  public CmdletRegistry cmdlets() {
    return assembly.cmdlets();
  }

  /**
   * Runs one PowerShell-style command line, e.g. {@code Get-CsUser -Identity
   * sip:kenmyer@litwareinc.com}, or a pipeline such as {@code Get-CsUser |
   * Grant-CsExternalAccessPolicy -PolicyName FedPic}.
   *
   * @throws io.lyncemu.core.management.CmdletException as PowerShell would report the error
   */
  public CmdletOutput invoke(String commandLine) {
    return assembly.cmdlets().run(commandLine);
  }

  public Deployment deployment() {
    return assembly.deployment();
  }

  public FaultPlan faults() {
    return assembly.faults();
  }

  public EmulatorScenarios scenarios() {
    return assembly.scenarios();
  }

  public WindowsServices windowsServices() {
    return assembly.windowsServices();
  }

  public MessageRouter router() {
    return assembly.router();
  }

  /** The local CA certificate as PEM; clients import it to trust the emulator's TLS listeners. */
  public Path certificateAuthority() {
    return assembly.certificateAuthority().pemFile();
  }

  public Path stateDir() {
    return stateDir;
  }

  /** The admin API's base URL, e.g. {@code http://127.0.0.1:8090}, when it is bound. */
  public Optional<String> adminUrl() {
    return Optional.ofNullable(assembly.listeners().table().get("admin"))
        .map(l -> l.url().substring(0, l.url().length() - 1));
  }

  private void writeEndpoints() {
    try {
      Files.createDirectories(stateDir);
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .writeValue(stateDir.resolve(ENDPOINTS_FILE).toFile(), endpointTable());
    } catch (IOException e) {
      throw new StartupException(
          "cannot write " + stateDir.resolve(ENDPOINTS_FILE) + ": " + e.getMessage(), e);
    }
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException | UncheckedIOException e) {
      LOG.warn("could not delete the temporary state directory {}: {}", root, e.toString());
    }
  }

  /**
   * Collects the settings of one emulator. Defaults: the {@code litwareinc} topology, no scenario,
   * the product's ports ({@link PortPlan#defaults()}), a fresh temporary state directory deleted on
   * stop, the system clock, the admin API on. Not thread-safe; build once.
   */
  public static final class Builder {
    private Topology topology;
    private String topologyName = TopologyLoader.DEFAULT;
    private String scenario = "";
    private PortPlan ports = PortPlan.defaults();
    private Path stateDir;
    private EmulatorClock clock;
    private RandomGenerator random;
    private boolean adminApi = true;
    private String dnsUpstream = "";
    private final List<EmulatorModule> extraModules = new ArrayList<>();

    private Builder() {}

    public Builder topology(Topology value) {
      this.topology = Objects.requireNonNull(value, "topology");
      return this;
    }

    /** A built-in name ({@code litwareinc}, {@code lync-defaults}) or a YAML/JSON file path. */
    public Builder topology(String nameOrFile) {
      this.topologyName = Objects.requireNonNull(nameOrFile, "nameOrFile");
      this.topology = null;
      return this;
    }

    /** A catalogue name or a scenario YAML file, applied on start; blank for none. */
    public Builder scenario(String nameOrFile) {
      this.scenario = Objects.requireNonNull(nameOrFile, "nameOrFile");
      return this;
    }

    public Builder ports(PortPlan value) {
      this.ports = Objects.requireNonNull(value, "ports");
      return this;
    }

    /** Where the CA, server keys and {@value #ENDPOINTS_FILE} live; kept after stop. */
    public Builder stateDir(Path value) {
      this.stateDir = Objects.requireNonNull(value, "stateDir");
      return this;
    }

    public Builder clock(EmulatorClock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /** Seeds everything random the emulator does, so that a run can be reproduced. */
    public Builder random(RandomGenerator value) {
      this.random = Objects.requireNonNull(value, "random");
      return this;
    }

    public Builder adminApi(boolean enabled) {
      this.adminApi = enabled;
      return this;
    }

    /**
     * The DNS server ({@code HOST:PORT}) that names outside the emulated zones are looked up in,
     * e.g. a test's DNS that sends a partner's {@code _xmpp-server._tcp} to Prosody; blank (the
     * default) for the system resolver.
     *
     * @throws IllegalArgumentException when not {@code HOST:PORT}
     */
    public Builder dnsUpstream(String hostPort) {
      String value = Objects.requireNonNull(hostPort, "hostPort").trim();
      if (!value.isEmpty()) {
        UpstreamDnsResolver.parse(value);
      }
      this.dnsUpstream = value;
      return this;
    }

    /** Installs one more module after the discovered ones. */
    public Builder module(EmulatorModule module) {
      extraModules.add(Objects.requireNonNull(module, "module"));
      return this;
    }

    /**
     * Loads the topology and scenario and assembles every service, binding nothing yet.
     *
     * @throws EmulatorException when the topology or scenario cannot be loaded, naming the file and
     *     the problem
     */
    public LyncEmulator build() {
      Topology resolved = topology != null ? topology : new TopologyLoader().load(topologyName);
      boolean temporary = stateDir == null;
      Path dir = temporary ? temporaryDirectory() : stateDir.toAbsolutePath().normalize();
      try {
        List<EmulatorModule> modules = new ArrayList<>(EmulatorAssembly.discoveredModules());
        modules.addAll(extraModules);
        Assembly assembly =
            EmulatorAssembly.assemble(
                new EmulatorAssembly.Settings(
                    resolved,
                    ports,
                    dir,
                    clock != null ? clock : EmulatorClock.system(),
                    random != null ? random : RandomGenerator.getDefault(),
                    adminApi,
                    modules,
                    version(),
                    dnsUpstream));
        Optional<Scenario> initial =
            scenario.isBlank()
                ? Optional.empty()
                : Optional.of(assembly.scenarios().resolve(scenario));
        return new LyncEmulator(assembly, dir, temporary, initial);
      } catch (RuntimeException e) {
        if (temporary) {
          deleteTree(dir);
        }
        throw e;
      }
    }

    private static Path temporaryDirectory() {
      try {
        return Files.createTempDirectory("lyncemu-");
      } catch (IOException e) {
        throw new StartupException(
            "cannot create a temporary state directory (" + e.getMessage() + "); pass stateDir", e);
      }
    }
  }
}
