package io.lyncemu.app.cmdlets;

import io.lyncemu.app.EmulatorScenarios;
import io.lyncemu.core.management.Cmdlet;
import io.lyncemu.core.management.CmdletArguments;
import io.lyncemu.core.management.CmdletException;
import io.lyncemu.core.management.CmdletOutput;
import io.lyncemu.core.management.PsObject;
import io.lyncemu.core.management.SimpleCmdlet;
import io.lyncemu.core.scenario.Scenario;
import io.lyncemu.core.scenario.ScenarioException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The emulator's own cmdlets over scripted failures: list them, apply one, clear it. They exist so
 * that a trainer drives labs from the same shell as the Lync cmdlets. Thread-safe.
 */
public final class ScenarioCmdlets {
  private static final String TYPE = "Lyncemu.EmulatorScenario";
  private final EmulatorScenarios scenarios;

  public ScenarioCmdlets(EmulatorScenarios scenarios) {
    this.scenarios = Objects.requireNonNull(scenarios, "scenarios");
  }

  public List<Cmdlet> all() {
    return List.of(
        new SimpleCmdlet(
            "Get-CsEmulatorScenario",
            "Lists the scripted failure scenarios and which one is active.",
            this::get),
        new SimpleCmdlet(
            "Set-CsEmulatorScenario",
            "Applies a scripted failure scenario (-Name X), clearing the active one first.",
            this::set),
        new SimpleCmdlet(
            "Clear-CsEmulatorScenario",
            "Clears the active scenario: restores the topology and removes its faults.",
            this::clear));
  }

  private CmdletOutput get(CmdletArguments args) {
    args.allow("Get-CsEmulatorScenario", "Name", "Active");
    Optional<String> active = scenarios.active().map(Scenario::name);
    if (args.bool("Active").orElse(false)) {
      return CmdletOutput.of(
          scenarios.active().map(s -> List.of(describe(s, true))).orElse(List.of()));
    }
    Optional<String> name = args.get("Name").or(args::identity);
    if (name.isPresent()) {
      Scenario scenario =
          scenarios.find(name.get()).orElseThrow(() -> CmdletException.notFound(name.get()));
      return CmdletOutput.of(describe(scenario, active.equals(name)));
    }
    return CmdletOutput.of(
        scenarios.list().stream()
            .map(s -> describe(s, active.filter(s.name()::equals).isPresent()))
            .toList());
  }

  private CmdletOutput set(CmdletArguments args) {
    args.allow("Set-CsEmulatorScenario", "Name");
    String name =
        args.get("Name")
            .or(args::identity)
            .orElseThrow(
                () ->
                    CmdletException.invalidArgument(
                        "Cannot bind argument to parameter 'Name' because it is null."));
    if (scenarios.find(name).isEmpty()) {
      throw CmdletException.notFound(name);
    }
    try {
      return CmdletOutput.of(describe(scenarios.apply(name), true));
    } catch (ScenarioException e) {
      throw new CmdletException("InvalidOperation", e.getMessage());
    }
  }

  private CmdletOutput clear(CmdletArguments args) {
    args.allow("Clear-CsEmulatorScenario");
    scenarios.clear();
    return CmdletOutput.none();
  }

  private static PsObject describe(Scenario scenario, boolean active) {
    return PsObject.of(TYPE)
        .put("Identity", scenario.name())
        .put("Title", scenario.title())
        .put("Symptom", scenario.symptom())
        .put("Source", scenario.source())
        .put("Active", active)
        .build();
  }
}
