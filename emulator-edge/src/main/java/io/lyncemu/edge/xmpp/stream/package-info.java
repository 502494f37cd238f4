/**
 * The XMPP stream layer: an incremental, XXE-proof decoder that turns the bytes of a
 * server-to-server stream into {@link io.lyncemu.edge.xmpp.stream.XmppStreamEvent}s, and the
 * element model the session layer works on.
 */
package io.lyncemu.edge.xmpp.stream;
