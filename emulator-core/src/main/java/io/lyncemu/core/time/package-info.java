/**
 * The emulator's clock: one injected {@link java.time.Clock} that tests and the {@code
 * Set-CsEmulatorClock} cmdlet can move forward, used for ticket lifetimes and session expiry.
 */
package io.lyncemu.core.time;
