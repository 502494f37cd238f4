/**
 * Test harnesses for the third-party peers the Edge interoperates with: a private Prosody (XMPP
 * server-to-server federation partner), a Smack client acting as one of its users, SIPp (SIP UAC
 * and UAS over TCP) and a static DNS server that points those peers at loopback addresses.
 *
 * <p>Every harness is {@link java.lang.AutoCloseable}: tests open them in try-with-resources so a
 * failing test never leaves a process or a port behind. {@link
 * io.lyncemu.edge.peers.Peer#require()} decides whether a missing program skips the test (a
 * developer machine) or fails it (CI, with {@code LYNCEMU_REQUIRE_PEERS=1}). Other modules reuse
 * these classes through emulator-edge's test-jar.
 */
package io.lyncemu.edge.peers;
