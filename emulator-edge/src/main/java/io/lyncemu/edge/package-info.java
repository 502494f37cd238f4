/**
 * The Edge Server: XMPP federation proxy (5269/23456) and the SIP Access Edge. Arrives with issue
 * 3; nothing is emulated here yet.
 */
package io.lyncemu.edge;
