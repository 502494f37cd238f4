package io.lyncemu.app;

import io.lyncemu.app.assembly.EmulatorModule;
import io.lyncemu.app.assembly.ListenerSpec;
import io.lyncemu.app.assembly.ModuleContext;
import io.lyncemu.core.management.CmdletOutput;
import io.lyncemu.core.management.PsObject;
import io.lyncemu.core.management.SimpleCmdlet;
import java.util.List;

/**
 * A test module adding {@code Test-CsEmulatorFailure}, a synthetic-transaction-shaped cmdlet that
 * always reports Result Failure (succeeded=false), so exit status 1 can be tested before the real
 * synthetic transactions exist.
 */
public final class FailingCmdletModule implements EmulatorModule {
  public static final String CMDLET = "Test-CsEmulatorFailure";

  @Override
  public String name() {
    return "failing-cmdlet";
  }

  @Override
  public List<ListenerSpec> listeners() {
    return List.of();
  }

  @Override
  public void install(ModuleContext context) {
    context
        .cmdlets()
        .register(
            new SimpleCmdlet(
                CMDLET,
                "Always fails, like a synthetic transaction against a broken pool.",
                args ->
                    new CmdletOutput(
                        List.of(
                            PsObject.of("Microsoft.Rtc.SyntheticTransactions.TaskOutput")
                                .put("TargetFqdn", "atl-cs-001.litwareinc.com")
                                .put("Result", "Failure")
                                .put("Error Message", "scripted failure")
                                .build()),
                        false)));
  }
}
