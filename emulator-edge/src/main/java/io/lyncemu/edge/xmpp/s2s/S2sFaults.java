package io.lyncemu.edge.xmpp.s2s;

import io.lyncemu.core.fault.Fault;
import io.lyncemu.core.fault.FaultPlan;
import io.lyncemu.core.fault.FaultPoint;
import java.util.Optional;

/**
 * The s2s fault steps, asked of the emulator's {@link FaultPlan} with listener {@value
 * XmppS2sServer#LISTENER} (the plan journals every hit as FAULT_INJECTED). Each step documents
 * which fault kinds it applies; the others are ignored there.
 */
final class S2sFaults {
  /**
   * The Edge, as authoritative server, answers a partner's {@code db:verify}. {@code respond-with}
   * (any status): answer {@code type='invalid'} whatever the key, as an Edge pool whose servers
   * disagree on DialbackPassphrase does; {@code drop}, {@code reset} or {@code stall}: no answer.
   */
  static final String DIALBACK_VERIFY = "xmpp.dialback.verify";

  /**
   * The Edge is about to resolve and dial a partner. {@code delay}: dial that much later (the
   * StreamEstablishmentTimeout keeps running); {@code stall}: never dial; {@code drop} or {@code
   * reset}: fail as if every target refused the connection.
   */
  static final String OUTBOUND_CONNECT = "xmpp.outbound.connect";

  private final FaultPlan plan;

  S2sFaults(FaultPlan plan) {
    this.plan = plan;
  }

  Optional<Fault> at(String step) {
    return plan == null
        ? Optional.empty()
        : plan.decide(new FaultPoint(XmppS2sServer.LISTENER, "", step));
  }
}
