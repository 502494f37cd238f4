package io.lyncemu.app.cli;

import io.lyncemu.app.LyncEmulator;
import io.lyncemu.app.PortPlan;
import io.lyncemu.core.EmulatorException;
import io.lyncemu.core.topology.TopologyLoader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lyncemu run}: starts an emulator in the foreground until Ctrl-C. */
@Command(
    name = "run",
    description = "Start an emulated Lync deployment and stay in the foreground (Ctrl-C stops it).",
    sortOptions = false,
    mixinStandardHelpOptions = true)
final class RunCommand implements Callable<Integer> {
  static final String STATE_DIR = ".lyncemu";

  private final CliEnvironment environment;

  @Option(
      names = "--topology",
      paramLabel = "FILE|NAME",
      description = "A topology YAML file, or a built-in: litwareinc (default), lync-defaults.")
  String topology = TopologyLoader.DEFAULT;

  @Option(
      names = "--scenario",
      paramLabel = "NAME|FILE",
      description = "A scripted failure to apply once started (see: lyncemu scenarios).")
  String scenario = "";

  @Option(
      names = "--ports",
      paramLabel = "ephemeral|defaults",
      description = "ephemeral binds every listener to a free port and prints the real ones.")
  String ports = "defaults";

  @Option(
      names = "--port",
      paramLabel = "LISTENER=N",
      description = "Port of one listener, e.g. --port web-https=4443; repeatable.")
  Map<String, Integer> portOverrides = new LinkedHashMap<>();

  @Option(
      names = "--admin-port",
      paramLabel = "N",
      description = "Port of the admin API (default 8090).")
  Integer adminPort;

  @Option(
      names = "--dns-upstream",
      paramLabel = "HOST:PORT",
      description =
          "DNS server for names outside the emulated zones (default: the system resolver).")
  String dnsUpstream = "";

  @Option(
      names = "--state-dir",
      paramLabel = "DIR",
      description = "Where the local CA, keys and endpoints.json live (default ./.lyncemu).")
  Path stateDir;

  RunCommand(CliEnvironment environment) {
    this.environment = Objects.requireNonNull(environment, "environment");
  }

  @Override
  public Integer call() {
    PortPlan plan;
    switch (ports.toLowerCase(Locale.ROOT)) {
      case "ephemeral" -> plan = PortPlan.ephemeral();
      case "defaults", "default" -> plan = PortPlan.defaults();
      default -> {
        environment
            .err()
            .println("lyncemu: --ports is 'ephemeral' or 'defaults', not '" + ports + "'");
        return 2;
      }
    }
    for (Map.Entry<String, Integer> port : portOverrides.entrySet()) {
      plan = plan.withPort(port.getKey(), port.getValue());
    }
    if (adminPort != null) {
      plan = plan.withPort(PortPlan.ADMIN, adminPort);
    }
    Path state = stateDir != null ? stateDir : environment.workingDirectory().resolve(STATE_DIR);
    LyncEmulator emulator;
    try {
      emulator =
          LyncEmulator.builder()
              .topology(topology)
              .scenario(scenario)
              .ports(plan)
              .stateDir(state)
              .dnsUpstream(dnsUpstream)
              .build();
    } catch (EmulatorException | IllegalArgumentException e) {
      environment.err().println("lyncemu: " + e.getMessage());
      return 2;
    }
    try {
      emulator.start();
    } catch (EmulatorException e) {
      environment.err().println("lyncemu: could not start: " + e.getMessage());
      return 1;
    }
    try {
      environment.out().println(Banner.of(emulator));
      environment.out().flush();
      environment.foreground().holdUntilStopped(emulator::stop);
    } finally {
      emulator.stop();
    }
    environment.err().println("lyncemu: stopped");
    return 0;
  }
}
