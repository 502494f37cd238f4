/**
 * Lync Emulator core: the framework-free model (topology, cmdlets, journal, faults, lifecycle,
 * TLS). No Netty, Jetty or JAIN-SIP types may appear here.
 */
package io.lyncemu.core;
