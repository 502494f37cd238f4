package io.lyncemu.core.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.lyncemu.core.journal.EventKind;
import io.lyncemu.core.journal.InMemoryEventJournal;
import io.lyncemu.core.journal.JournalQuery;
import io.lyncemu.core.time.EmulatorClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FaultPlanTest {
  private final EmulatorClock clock = EmulatorClock.fixed(Instant.parse("2026-11-23T10:00:00Z"));
  private final InMemoryEventJournal journal = new InMemoryEventJournal(clock);
  private final FaultPlan plan = new FaultPlan(clock, journal);
  private final FaultPoint ticket =
      new FaultPoint("web-https", "/WebTicket/WebTicketService.svc", "webticket.authenticate");

  private List<Boolean> hits(int count) {
    List<Boolean> fired = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      fired.add(plan.decide(ticket).isPresent());
    }
    return fired;
  }

  @Test
  void alwaysFiresEveryTimeAndIsJournaled() {
    plan.add(
        new FaultRule("r", FaultTarget.step("webticket.authenticate"), new Fault.Drop(), null));

    assertThat(hits(3)).containsExactly(true, true, true);
    assertThat(journal.query(JournalQuery.kind(EventKind.FAULT_INJECTED))).hasSize(3);
  }

  @Test
  void afterNLetsTheFirstNPass() {
    plan.add(
        new FaultRule(
            "r",
            FaultTarget.step("webticket.authenticate"),
            new Fault.Drop(),
            new Trigger.After(2)));

    assertThat(hits(4)).containsExactly(false, false, true, true);
  }

  @Test
  void nthFiresOnlyOnce() {
    plan.add(
        new FaultRule("r", FaultTarget.step("webticket.*"), new Fault.Drop(), new Trigger.Nth(2)));

    assertThat(hits(3)).containsExactly(false, true, false);
  }

  @Test
  void duringStopsWhenTheEmulatorClockPassesTheWindow() {
    plan.add(
        new FaultRule(
            "r",
            FaultTarget.path("/webticket"),
            new Fault.Stall(),
            new Trigger.During(Duration.ofMinutes(1))));

    assertThat(plan.decide(ticket)).isPresent();
    clock.advance(Duration.ofMinutes(2));
    assertThat(plan.decide(ticket)).isEmpty();
  }

  @Test
  void nonMatchingTargetsAreIgnoredAndRemovalWorks() {
    plan.add(new FaultRule("r", new FaultTarget("web-http", "", ""), new Fault.Drop(), null));
    assertThat(plan.decide(ticket)).isEmpty();

    plan.add(
        new FaultRule(
            "s", FaultTarget.listener("web-https"), new Fault.Delay(Duration.ofSeconds(1)), null));
    assertThat(plan.decide(ticket)).isEqualTo(Optional.of(new Fault.Delay(Duration.ofSeconds(1))));
    assertThat(plan.remove("s")).isTrue();
    assertThat(plan.decide(ticket)).isEmpty();
  }
}
