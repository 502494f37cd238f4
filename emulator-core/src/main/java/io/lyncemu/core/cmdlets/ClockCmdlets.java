package io.lyncemu.core.cmdlets;

import io.lyncemu.core.journal.EventJournal;
import io.lyncemu.core.journal.EventKind;
import io.lyncemu.core.journal.NewEvent;
import io.lyncemu.core.management.Cmdlet;
import io.lyncemu.core.management.CmdletArguments;
import io.lyncemu.core.management.CmdletException;
import io.lyncemu.core.management.CmdletOutput;
import io.lyncemu.core.management.PsObject;
import io.lyncemu.core.management.SimpleCmdlet;
import io.lyncemu.core.time.EmulatorClock;
import java.time.Duration;
import java.util.List;

/** Emulator-only: Get-CsEmulatorClock and Set-CsEmulatorClock -Advance 61m. */
public final class ClockCmdlets {
  private final EmulatorClock clock;
  private final EventJournal journal;

  public ClockCmdlets(EmulatorClock clock, EventJournal journal) {
    this.clock = clock;
    this.journal = journal;
  }

  public List<Cmdlet> all() {
    return List.of(
        new SimpleCmdlet(
            "Get-CsEmulatorClock",
            "Shows the emulator clock and how far it was advanced.",
            this::get),
        new SimpleCmdlet(
            "Set-CsEmulatorClock", "Moves the emulator clock forward (-Advance 61m).", this::set));
  }

  private CmdletOutput get(CmdletArguments args) {
    args.allow("Get-CsEmulatorClock");
    return CmdletOutput.of(describe());
  }

  private CmdletOutput set(CmdletArguments args) {
    args.allow("Set-CsEmulatorClock", "Advance");
    Duration amount =
        args.duration("Advance")
            .orElseThrow(
                () ->
                    CmdletException.invalidArgument(
                        "Set-CsEmulatorClock needs -Advance, e.g. -Advance 61m."));
    try {
      clock.advance(amount);
    } catch (IllegalArgumentException e) {
      throw CmdletException.invalidArgument(e.getMessage());
    }
    journal.record(
        NewEvent.of("clock", EventKind.CLOCK_ADVANCED)
            .with("amount", amount)
            .with("offset", clock.offset()));
    return CmdletOutput.of(describe());
  }

  private PsObject describe() {
    return PsObject.of("Lyncemu.EmulatorClock")
        .put("Now", clock.instant().toString())
        .put("Offset", clock.offset().toString())
        .build();
  }
}
