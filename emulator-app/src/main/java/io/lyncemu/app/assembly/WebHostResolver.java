package io.lyncemu.app.assembly;

import io.lyncemu.core.lifecycle.Service;
import io.lyncemu.core.topology.Deployment;
import io.lyncemu.synthetic.HostResolver;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Points the synthetic transactions at this emulator: every host name of the live topology goes to
 * the web listener's bound address, read at call time (so ephemeral ports and topology changes are
 * followed); other names go to DNS, so a cmdlet can still test a real pool. While the web service
 * is stopped the last bound address is used, and the client sees the connection refused a stopped
 * IIS gives. Thread-safe.
 */
final class WebHostResolver implements HostResolver {
  private final Deployment deployment;
  private final Service web;
  private final String listener;
  private final AtomicReference<InetSocketAddress> lastBound = new AtomicReference<>();
  private final HostResolver dns = HostResolver.system();

  WebHostResolver(Deployment deployment, Service web, String listener) {
    this.deployment = deployment;
    this.web = web;
    this.listener = listener;
  }

  @Override
  public InetSocketAddress resolve(String host) throws UnknownHostException {
    String name = host.toLowerCase(Locale.ROOT);
    if (!deployment.current().hostNames().contains(name) && !name.equals("localhost")) {
      return dns.resolve(host);
    }
    InetSocketAddress bound = web.endpoints().get(listener);
    if (bound != null) {
      lastBound.set(bound);
      return bound;
    }
    InetSocketAddress last = lastBound.get();
    if (last == null) {
      throw new UnknownHostException(host + ": the emulator's web services have not started yet");
    }
    return last;
  }
}
