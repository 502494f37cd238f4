/**
 * The DNS model of the emulated zones: the A and SRV records an administrator manages with
 * Get-/Add-/Remove-DnsServerResourceRecord, the mapping from well-known ports to the ports the
 * emulator actually bound, and the resolver the emulator's own clients use. The embedded DNS server
 * that serves this model to real programs lives in emulator-edge.
 */
package io.lyncemu.core.dns;
