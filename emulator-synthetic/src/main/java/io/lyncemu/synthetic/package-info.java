/**
 * Synthetic transactions: Lync's {@code Test-Cs*} cmdlets as real network clients of the protocols
 * they test, so they work against any endpoint that speaks them, not only this emulator. They keep
 * no journal and touch no emulator state; what they report comes from the wire.
 *
 * <p>{@link io.lyncemu.synthetic.TestCsMcxP2PimCmdlet} gets web tickets from the Web Ticket service
 * with HTTP Negotiate (NTLM inside, as WCF's Windows credential sends it) and exchanges an instant
 * message through the Mobility Service. Its output copies the layout of Lync's {@code
 * Microsoft.Rtc.SyntheticTransactions.TaskOutput}; see {@code docs/synthetic-transactions.md} for
 * which texts are Lync's and which are the emulator's own.
 */
package io.lyncemu.synthetic;
