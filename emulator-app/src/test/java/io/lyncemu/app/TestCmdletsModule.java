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
 * synthetic transactions exist, and {@code Test-CsEmulatorEcho}, which returns its parameters as
 * received.
 */
public final class TestCmdletsModule implements EmulatorModule {
  public static final String FAILING = "Test-CsEmulatorFailure";
  public static final String ECHO = "Test-CsEmulatorEcho";

  @Override
  public String name() {
    return "test-cmdlets";
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
                FAILING,
                "Always fails, like a synthetic transaction against a broken pool.",
                args ->
                    new CmdletOutput(
                        List.of(
                            PsObject.of("Microsoft.Rtc.SyntheticTransactions.TaskOutput")
                                .put("TargetFqdn", "atl-cs-001.litwareinc.com")
                                .put("Result", "Failure")
                                .put("Error Message", "scripted failure")
                                .build()),
                        false)))
        .register(
            new SimpleCmdlet(
                ECHO,
                "Returns its parameters as received.",
                args -> {
                  PsObject.Builder echo = PsObject.of("Lyncemu.Echo");
                  args.asMap().forEach(echo::put);
                  return CmdletOutput.of(echo.build());
                }));
  }
}
