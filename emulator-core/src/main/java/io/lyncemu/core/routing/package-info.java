/**
 * Instant messages and presence between users, routed through core so that protocol modules never
 * talk to each other: an MCX session, a UCWA application and (later) the XMPP gateway each register
 * a {@link io.lyncemu.core.routing.MessageEndpoint} and the {@link
 * io.lyncemu.core.routing.MessageRouter} delivers to whichever endpoints the recipient has.
 */
package io.lyncemu.core.routing;
