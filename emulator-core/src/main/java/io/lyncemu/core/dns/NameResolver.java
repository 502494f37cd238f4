package io.lyncemu.core.dns;

import java.net.InetAddress;
import java.util.List;

/**
 * How the emulator's own clients (the Edge dialling a partner, the synthetic transactions) find
 * servers. An empty list means the name does not exist (or has no records of that type).
 * Implementations must not block for long: look-ups are bounded by their own timeouts.
 */
public interface NameResolver {

  /** {@code _service._proto.domain}, e.g. {@code _xmpp-server._tcp.fabrikam.com}. */
  List<SrvTarget> lookupSrv(String name);

  List<InetAddress> lookupAddress(String host);
}
