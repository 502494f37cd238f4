package io.lyncemu.bench;

import java.net.InetSocketAddress;

/** The only address any benchmark may send to: load is never aimed anywhere but this machine. */
final class Loopback {
  static final String HOST = "127.0.0.1";

  private Loopback() {}

  /** The port of {@code address}, refusing anything that is not 127.0.0.1. */
  static int port(InetSocketAddress address) {
    if (address == null) {
      throw new IllegalStateException("listener is not bound");
    }
    String host = address.getAddress() != null ? address.getAddress().getHostAddress() : "";
    if (!HOST.equals(host)) {
      throw new IllegalStateException("refusing to load a non-loopback address: " + address);
    }
    return address.getPort();
  }
}
