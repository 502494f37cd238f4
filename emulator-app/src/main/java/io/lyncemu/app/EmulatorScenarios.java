package io.lyncemu.app;

import io.lyncemu.core.scenario.Scenario;
import io.lyncemu.core.scenario.ScenarioCatalog;
import io.lyncemu.core.scenario.ScenarioRunner;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The scripted failures of one emulator: the shipped catalogue and the one scenario in force.
 * Thread-safe: the runner serialises apply and clear.
 */
public final class EmulatorScenarios {
  private final ScenarioCatalog catalog;
  private final ScenarioRunner runner;

  public EmulatorScenarios(ScenarioCatalog catalog, ScenarioRunner runner) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.runner = Objects.requireNonNull(runner, "runner");
  }

  /** Every scenario on the classpath, sorted by name. */
  public List<Scenario> list() {
    return catalog.list();
  }

  public Optional<Scenario> find(String name) {
    return catalog.find(name);
  }

  /**
   * Applies a catalogue name or a scenario YAML file, clearing any scenario already in force.
   *
   * @throws io.lyncemu.core.scenario.ScenarioException when the name is unknown or a change fails
   */
  public Scenario apply(String nameOrFile) {
    Scenario scenario = catalog.resolve(nameOrFile);
    runner.apply(scenario);
    return scenario;
  }

  public void apply(Scenario scenario) {
    runner.apply(Objects.requireNonNull(scenario, "scenario"));
  }

  /** Resolves without applying, so a typo fails before anything starts. */
  public Scenario resolve(String nameOrFile) {
    return catalog.resolve(nameOrFile);
  }

  public Optional<Scenario> active() {
    return runner.active();
  }

  /** Restores the topology and removes the faults; returns the scenario that was in force. */
  public Optional<Scenario> clear() {
    Optional<Scenario> was = runner.active();
    runner.clear();
    return was;
  }
}
