/**
 * {@link io.lyncemu.mcx.outcome.Outcome}: a value or a typed refusal, the answer of every MCX and
 * UCWA operation. Refusals are ordinary protocol answers (a disabled user, an expired session), so
 * they are results rather than exceptions. No Jetty types live here.
 */
package io.lyncemu.mcx.outcome;
