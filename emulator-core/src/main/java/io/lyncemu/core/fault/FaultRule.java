package io.lyncemu.core.fault;

import java.util.Objects;

/** One fault with its target and trigger; {@code id} names it for removal and in the journal. */
public record FaultRule(String id, FaultTarget target, Fault fault, Trigger trigger) {
  public FaultRule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(fault, "fault");
    trigger = trigger == null ? new Trigger.Always() : trigger;
  }
}
