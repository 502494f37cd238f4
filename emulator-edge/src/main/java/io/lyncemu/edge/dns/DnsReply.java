package io.lyncemu.edge.dns;

import io.lyncemu.core.dns.SrvTarget;
import java.net.InetAddress;
import java.util.List;

/**
 * A DNS response as {@link DnsClient} read it: the response code by its mnemonic ({@code NOERROR},
 * {@code NXDOMAIN} …), the AA and TC flags, the A and SRV answers, and the A records of the
 * additional section.
 */
public record DnsReply(
    String code,
    boolean authoritative,
    boolean truncated,
    int answerCount,
    List<InetAddress> addresses,
    List<SrvTarget> services,
    List<InetAddress> additionalAddresses) {

  public DnsReply {
    addresses = List.copyOf(addresses);
    services = List.copyOf(services);
    additionalAddresses = List.copyOf(additionalAddresses);
  }
}
