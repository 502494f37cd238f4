package io.lyncemu.mcx;

import io.lyncemu.core.fault.FaultPlan;
import io.lyncemu.core.journal.EventJournal;
import io.lyncemu.core.routing.MessageRouter;
import io.lyncemu.core.services.WindowsServices;
import io.lyncemu.core.time.EmulatorClock;
import io.lyncemu.core.tls.ServerIdentity;
import io.lyncemu.core.topology.Deployment;
import java.util.Objects;
import java.util.random.RandomGenerator;

/** The core collaborators the web services share with the rest of the emulator. */
public record McxContext(
    Deployment deployment,
    EventJournal journal,
    EmulatorClock clock,
    FaultPlan faults,
    MessageRouter router,
    WindowsServices services,
    ServerIdentity tls,
    RandomGenerator random) {
  public McxContext {
    Objects.requireNonNull(deployment, "deployment");
    Objects.requireNonNull(journal, "journal");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(faults, "faults");
    Objects.requireNonNull(router, "router");
    Objects.requireNonNull(services, "services");
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(random, "random");
  }
}
