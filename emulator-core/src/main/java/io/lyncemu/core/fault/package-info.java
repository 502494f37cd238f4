/**
 * Faults as data: what to do ({@link io.lyncemu.core.fault.Fault}), where ({@link
 * io.lyncemu.core.fault.FaultTarget}: a listener, a path or a named protocol step) and when ({@link
 * io.lyncemu.core.fault.Trigger}). {@link io.lyncemu.core.fault.FaultPlan} decides; each
 * transport's adapter applies the decision. No transport types live here.
 */
package io.lyncemu.core.fault;
