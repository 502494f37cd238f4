package io.lyncemu.core.dns;

/** One answer to an SRV look-up, with the port the emulator really listens on. */
public record SrvTarget(int priority, int weight, String host, int port) {}
