package io.lyncemu.edge.dns;

import io.netty.handler.codec.dns.DatagramDnsResponse;
import java.net.InetSocketAddress;

/**
 * A UDP response that knows how large it may be: 512 bytes (RFC 1035 4.2.1) unless the query
 * advertised a larger EDNS payload size (RFC 6891 6.2.5).
 */
final class SizedDatagramResponse extends DatagramDnsResponse {
  static final int CLASSIC_UDP_LIMIT = 512;
  private final int limit;

  SizedDatagramResponse(InetSocketAddress sender, InetSocketAddress recipient, int id, int limit) {
    super(sender, recipient, id);
    this.limit = limit;
  }

  int limit() {
    return limit;
  }
}
