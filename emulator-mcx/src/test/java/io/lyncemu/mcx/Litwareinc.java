package io.lyncemu.mcx;

import io.lyncemu.core.journal.InMemoryEventJournal;
import io.lyncemu.core.routing.MessageRouter;
import io.lyncemu.core.time.EmulatorClock;
import io.lyncemu.core.topology.Deployment;
import io.lyncemu.core.topology.TopologyLoader;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The built-in litwareinc.com deployment wired for a test: a stopped clock, an in-memory journal, a
 * router and a small scheduler. Close it in {@code @AfterEach}.
 */
public final class Litwareinc implements AutoCloseable {
  public static final String KEN = "sip:kenmyer@litwareinc.com";
  public static final String PILAR = "sip:packerman@litwareinc.com";
  public static final String AIDAN = "sip:aidandelaney@litwareinc.com";

  public final EmulatorClock clock = EmulatorClock.fixed(Instant.parse("2013-10-01T09:00:00Z"));
  public final InMemoryEventJournal journal = new InMemoryEventJournal(clock);
  public final Deployment deployment =
      new Deployment(new TopologyLoader().builtIn(TopologyLoader.DEFAULT), journal);
  public final MessageRouter router = new MessageRouter(deployment, journal);
  public final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
