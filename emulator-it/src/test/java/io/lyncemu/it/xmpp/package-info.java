/**
 * XMPP federation end to end: {@link io.lyncemu.it.xmpp.XmppPartner}, a real Prosody as the {@code
 * fabrikam.com} partner wired to a running emulator through its DNS, {@link
 * io.lyncemu.it.xmpp.McxTestUser}, a Lync mobile user on the Mobility Service, and the
 * interoperability tests built on both. Scenario tests reuse the two fixtures.
 */
package io.lyncemu.it.xmpp;
