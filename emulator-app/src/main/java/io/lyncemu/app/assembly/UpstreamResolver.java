package io.lyncemu.app.assembly;

import io.lyncemu.core.dns.NameResolver;
import io.lyncemu.core.dns.SrvTarget;
import io.lyncemu.core.dns.ZoneResolver;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/**
 * The upstream behind the emulated zones, set once a module provides one. Modules install in an
 * order nobody should depend on, so the resolver is handed out before its upstream is known.
 */
final class UpstreamResolver implements NameResolver {
  private volatile NameResolver delegate = ZoneResolver.none();

  void set(NameResolver value) {
    delegate = Objects.requireNonNull(value, "upstream resolver");
  }

  @Override
  public List<SrvTarget> lookupSrv(String name) {
    return delegate.lookupSrv(name);
  }

  @Override
  public List<InetAddress> lookupAddress(String host) {
    return delegate.lookupAddress(host);
  }
}
