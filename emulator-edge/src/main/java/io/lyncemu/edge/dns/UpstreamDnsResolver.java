package io.lyncemu.edge.dns;

import io.lyncemu.core.dns.NameResolver;
import io.lyncemu.core.dns.SrvTarget;
import io.netty.handler.codec.dns.DnsRecordType;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks up names outside the emulated zones in one DNS server given as {@code HOST:PORT} (the CLI's
 * {@code --dns-upstream}), so that a test can point the emulator at its own DNS, e.g. one that
 * sends {@code _xmpp-server._tcp.partner.example} to Prosody on port 15269. Nothing is cached: each
 * look-up asks again. A failure or a timeout ({@value #TIMEOUT_MILLIS} ms) gives an empty list,
 * never an exception or a hang. Thread-safe.
 */
public final class UpstreamDnsResolver implements NameResolver {
  public static final long TIMEOUT_MILLIS = 2000;
  private static final Logger LOG = LoggerFactory.getLogger(UpstreamDnsResolver.class);

  private final DnsClient client;
  private final InetSocketAddress server;

  public UpstreamDnsResolver(InetSocketAddress server) {
    this(server, Duration.ofMillis(TIMEOUT_MILLIS));
  }

  public UpstreamDnsResolver(InetSocketAddress server, Duration timeout) {
    this.server = Objects.requireNonNull(server, "server");
    this.client = new DnsClient(server, timeout);
  }

  /**
   * The upstream for {@code hostPort}, or the system's resolver when it is blank.
   *
   * @throws IllegalArgumentException when {@code hostPort} is not {@code HOST:PORT}
   */
  public static NameResolver forSetting(String hostPort) {
    return hostPort == null || hostPort.isBlank()
        ? new SystemNameResolver(Duration.ofMillis(TIMEOUT_MILLIS))
        : new UpstreamDnsResolver(parse(hostPort));
  }

  /** {@code 127.0.0.1:5300}, {@code localhost:53} or {@code [::1]:5300}. */
  public static InetSocketAddress parse(String hostPort) {
    String text = hostPort.trim();
    int colon = text.lastIndexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      throw new IllegalArgumentException(
          "--dns-upstream is HOST:PORT, e.g. 127.0.0.1:5300, not '" + hostPort + "'");
    }
    String host = text.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port;
    try {
      port = Integer.parseInt(text.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--dns-upstream is HOST:PORT, e.g. 127.0.0.1:5300, not '" + hostPort + "'", e);
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("--dns-upstream port must be 1..65535, not " + port);
    }
    return new InetSocketAddress(host, port);
  }

  public InetSocketAddress server() {
    return server;
  }

  @Override
  public List<SrvTarget> lookupSrv(String name) {
    try {
      return client.query(name, DnsRecordType.SRV).services().stream()
          .sorted(Comparator.comparingInt(SrvTarget::priority))
          .toList();
    } catch (RuntimeException e) {
      LOG.debug("SRV {} via {} failed: {}", name, server, e.toString());
      return List.of();
    }
  }

  @Override
  public List<InetAddress> lookupAddress(String host) {
    try {
      return client.query(host, DnsRecordType.A).addresses();
    } catch (RuntimeException e) {
      LOG.debug("A {} via {} failed: {}", host, server, e.toString());
      return List.of();
    }
  }

  @Override
  public String toString() {
    return "dns://"
        + server.getHostString()
        + ":"
        + server.getPort()
        + " (timeout "
        + TimeUnit.MILLISECONDS.toSeconds(TIMEOUT_MILLIS)
        + " s)";
  }
}
