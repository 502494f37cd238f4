package io.lyncemu.core.scenario;

import io.lyncemu.core.fault.FaultRule;
import java.util.List;
import java.util.Objects;

/**
 * One scripted failure.
 *
 * @param changes cmdlet lines run in order when the scenario is applied, e.g. {@code Set-CsUser
 *     -Identity sip:kenmyer@litwareinc.com -Enabled $False}
 * @param faults fault rules added when applied and removed when cleared
 * @param expect what the synthetic transaction should report while the scenario is active
 * @param partner for trainers: what the federation partner must be like for the symptom to show
 *     (e.g. "an XMPP server for fabrikam.com that requires TLS"); empty when any partner, or none,
 *     will do
 */
public record Scenario(
    String name,
    String title,
    String symptom,
    String source,
    List<String> changes,
    List<FaultRule> faults,
    Expectation expect,
    String partner) {
  public Scenario {
    partner = partner == null ? "" : partner.strip();
    Objects.requireNonNull(name, "name");
    title = title == null ? name : title;
    symptom = symptom == null ? "" : symptom;
    source = source == null ? "" : source;
    changes = changes == null ? List.of() : List.copyOf(changes);
    faults = faults == null ? List.of() : List.copyOf(faults);
    Objects.requireNonNull(expect, "expect");
  }

  /** A scenario that needs no particular partner. */
  public Scenario(
      String name,
      String title,
      String symptom,
      String source,
      List<String> changes,
      List<FaultRule> faults,
      Expectation expect) {
    this(name, title, symptom, source, changes, faults, expect, "");
  }
}
