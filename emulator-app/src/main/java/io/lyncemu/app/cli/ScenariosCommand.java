package io.lyncemu.app.cli;

import io.lyncemu.core.scenario.Scenario;
import io.lyncemu.core.scenario.ScenarioCatalog;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code lyncemu scenarios}: lists the shipped scenarios; needs no running emulator. */
@Command(
    name = "scenarios",
    description =
        "List the scripted failure scenarios that --scenario and Set-CsEmulatorScenario accept.",
    mixinStandardHelpOptions = true)
final class ScenariosCommand implements Callable<Integer> {
  private final CliEnvironment environment;

  ScenariosCommand(CliEnvironment environment) {
    this.environment = Objects.requireNonNull(environment, "environment");
  }

  @Override
  public Integer call() {
    List<Scenario> scenarios =
        ScenarioCatalog.fromClasspath(ScenariosCommand.class.getClassLoader()).list();
    if (scenarios.isEmpty()) {
      environment.out().println("No scenarios are installed.");
      return 0;
    }
    int width = scenarios.stream().mapToInt(s -> s.name().length()).max().orElse(0);
    for (Scenario scenario : scenarios) {
      environment
          .out()
          .println(
              scenario.name()
                  + " ".repeat(width - scenario.name().length())
                  + "  "
                  + scenario.title());
    }
    return 0;
  }
}
