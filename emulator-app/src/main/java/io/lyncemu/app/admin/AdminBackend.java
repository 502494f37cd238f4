package io.lyncemu.app.admin;

import io.lyncemu.app.EmulatorScenarios;
import io.lyncemu.app.assembly.Listeners;
import io.lyncemu.core.journal.EventJournal;
import io.lyncemu.core.management.CmdletRegistry;
import io.lyncemu.core.time.EmulatorClock;
import java.nio.file.Path;
import java.util.Objects;

/** Everything of one emulator that the admin API reads or drives. */
public record AdminBackend(
    CmdletRegistry cmdlets,
    EventJournal journal,
    EmulatorClock clock,
    EmulatorScenarios scenarios,
    Listeners listeners,
    Path caPem,
    String version) {
  public AdminBackend {
    Objects.requireNonNull(cmdlets, "cmdlets");
    Objects.requireNonNull(journal, "journal");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(scenarios, "scenarios");
    Objects.requireNonNull(listeners, "listeners");
    Objects.requireNonNull(caPem, "caPem");
    Objects.requireNonNull(version, "version");
  }
}
