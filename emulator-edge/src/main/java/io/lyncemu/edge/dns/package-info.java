/**
 * The emulator's DNS on the wire: {@link io.lyncemu.edge.dns.EmbeddedDnsServer} serves the emulated
 * zones over UDP and TCP on one loopback port so that real programs (Prosody, dig, a test's
 * resolver) resolve the emulated names, with SRV answers carrying the port the emulator really
 * bound; {@link io.lyncemu.edge.dns.UpstreamDnsResolver} looks up names outside those zones,
 * through a configured DNS server or the system resolver; {@link io.lyncemu.edge.dns.DnsClient} is
 * the small blocking client both the upstream resolver and the tests use.
 */
package io.lyncemu.edge.dns;
