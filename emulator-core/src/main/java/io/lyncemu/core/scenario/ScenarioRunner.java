package io.lyncemu.core.scenario;

import io.lyncemu.core.fault.FaultPlan;
import io.lyncemu.core.fault.FaultRule;
import io.lyncemu.core.journal.EventJournal;
import io.lyncemu.core.journal.EventKind;
import io.lyncemu.core.journal.NewEvent;
import io.lyncemu.core.management.CmdletArguments;
import io.lyncemu.core.management.CmdletException;
import io.lyncemu.core.management.CmdletRegistry;
import io.lyncemu.core.management.CommandLine;
import io.lyncemu.core.services.EmulatedWindowsService;
import io.lyncemu.core.services.WindowsServices;
import io.lyncemu.core.topology.Deployment;
import io.lyncemu.core.topology.Topology;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Applies a scenario to a running emulator and clears it again. Applying takes a snapshot of the
 * topology, runs the scenario's cmdlet lines and adds its faults; clearing restores the snapshot,
 * removes the faults, restarts any service left stopped and restarts again any service the scenario
 * started (so it reloads what it loads at start, such as a certificate, from the restored
 * topology). One scenario is active at a time; applying another clears the first. Thread-safe
 * (serialised).
 */
public final class ScenarioRunner {
  private final Deployment deployment;
  private final CmdletRegistry cmdlets;
  private final FaultPlan faults;
  private final WindowsServices services;
  private final EventJournal journal;
  private Scenario active;
  private Topology snapshot;

  public ScenarioRunner(
      Deployment deployment,
      CmdletRegistry cmdlets,
      FaultPlan faults,
      WindowsServices services,
      EventJournal journal) {
    this.deployment = Objects.requireNonNull(deployment, "deployment");
    this.cmdlets = Objects.requireNonNull(cmdlets, "cmdlets");
    this.faults = Objects.requireNonNull(faults, "faults");
    this.services = Objects.requireNonNull(services, "services");
    this.journal = Objects.requireNonNull(journal, "journal");
  }

  public synchronized void apply(Scenario scenario) {
    if (active != null) {
      clear();
    }
    snapshot = deployment.current();
    active = scenario;
    try {
      for (String line : scenario.changes()) {
        cmdlets.run(line);
      }
      for (FaultRule rule : scenario.faults()) {
        faults.add(rule);
      }
    } catch (CmdletException e) {
      clear();
      throw new ScenarioException(
          "scenario " + scenario.name() + " could not be applied: " + e.getMessage(), e);
    }
    journal.record(
        NewEvent.of("scenarios", EventKind.SCENARIO_APPLIED)
            .with("scenario", scenario.name())
            .with("title", scenario.title()));
  }

  public synchronized Optional<Scenario> active() {
    return Optional.ofNullable(active);
  }

  /** The services a scenario's changes start (lower case): they load settings when they start. */
  private static Set<String> restartedBy(Scenario scenario) {
    Set<String> names = new HashSet<>();
    for (String line : scenario.changes()) {
      CommandLine command = CommandLine.parse(line);
      if (command.cmdlet().equalsIgnoreCase("Start-CsWindowsService")
          || command.cmdlet().equalsIgnoreCase("Restart-CsWindowsService")) {
        CmdletArguments args = command.arguments();
        args.get("Name")
            .or(() -> args.positional().stream().findFirst())
            .ifPresent(name -> names.add(name.toLowerCase(Locale.ROOT)));
      }
    }
    return names;
  }

  public synchronized void clear() {
    if (active == null) {
      return;
    }
    Scenario cleared = active;
    cleared.faults().forEach(rule -> faults.remove(rule.id()));
    deployment.replace(snapshot, "scenario " + cleared.name() + " cleared");
    for (EmulatedWindowsService service : services.list()) {
      if (!service.backing().isRunning()) {
        services.start(service.name());
      } else if (restartedBy(cleared).contains(service.name().toLowerCase(Locale.ROOT))) {
        // The scenario restarted it so that it loaded the scenario's settings (a certificate);
        // restart it again so that it loads the restored ones.
        services.stop(service.name());
        services.start(service.name());
      }
    }
    active = null;
    snapshot = null;
    journal.record(
        NewEvent.of("scenarios", EventKind.SCENARIO_CLEARED).with("scenario", cleared.name()));
  }
}
