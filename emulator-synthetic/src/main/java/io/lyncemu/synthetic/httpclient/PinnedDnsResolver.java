package io.lyncemu.synthetic.httpclient;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

/**
 * Resolves the one host a leg talks to to the address the caller already chose (the emulator maps
 * its names to 127.0.0.1), so the URL, the Host header, SNI and certificate checks all keep the
 * real Lync host name. Any other name goes to normal DNS.
 */
final class PinnedDnsResolver implements DnsResolver {
  private final String host;
  private final InetAddress address;

  PinnedDnsResolver(String host, InetAddress address) {
    this.host = host.toLowerCase(Locale.ROOT);
    this.address = address;
  }

  @Override
  public InetAddress[] resolve(String name) throws UnknownHostException {
    if (name.toLowerCase(Locale.ROOT).equals(host)) {
      return new InetAddress[] {address};
    }
    return SystemDefaultDnsResolver.INSTANCE.resolve(name);
  }

  @Override
  public String resolveCanonicalHostname(String name) throws UnknownHostException {
    return name.toLowerCase(Locale.ROOT).equals(host)
        ? name
        : SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(name);
  }
}
