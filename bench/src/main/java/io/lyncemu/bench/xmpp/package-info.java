/**
 * The XMPP federation benchmark: a plain-dialback server-to-server load driver ({@link
 * io.lyncemu.bench.xmpp.S2sLoadDriver}) that works against any standards-compliant s2s server, and
 * the two targets it is aimed at side by side, the emulator and Prosody.
 */
package io.lyncemu.bench.xmpp;
