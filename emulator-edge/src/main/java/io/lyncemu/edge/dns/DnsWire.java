package io.lyncemu.edge.dns;

import io.lyncemu.core.dns.SrvTarget;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.dns.DefaultDnsRawRecord;
import io.netty.handler.codec.dns.DnsRawRecord;
import io.netty.handler.codec.dns.DnsRecord;
import io.netty.handler.codec.dns.DnsRecordType;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Record data of the two types the emulator serves, to and from the wire. Netty's codec encodes any
 * record whose data is raw bytes; A and SRV data are built and read here (RFC 1035 3.4.1, RFC 2782:
 * the SRV target is never compressed, so it can be read from the record alone).
 */
final class DnsWire {
  private DnsWire() {}

  /** A fully qualified name as the codec wants it, with the final dot. */
  static String absolute(String name) {
    return name.endsWith(".") ? name : name + ".";
  }

  static DnsRawRecord a(String name, long ttl, String dottedQuad) {
    ByteBuf data = Unpooled.buffer(4);
    for (String part : dottedQuad.split("\\.")) {
      data.writeByte(Integer.parseInt(part));
    }
    return new DefaultDnsRawRecord(absolute(name), DnsRecordType.A, ttl, data);
  }

  static DnsRawRecord srv(String name, long ttl, int priority, int weight, int port, String host) {
    ByteBuf data = Unpooled.buffer();
    data.writeShort(priority).writeShort(weight).writeShort(port);
    writeName(data, host);
    return new DefaultDnsRawRecord(absolute(name), DnsRecordType.SRV, ttl, data);
  }

  private static void writeName(ByteBuf out, String name) {
    for (String label : absolute(name).split("\\.")) {
      if (label.isEmpty()) {
        continue;
      }
      byte[] bytes = label.getBytes(StandardCharsets.US_ASCII);
      out.writeByte(bytes.length).writeBytes(bytes);
    }
    out.writeByte(0);
  }

  /** The IPv4 address of an A record, empty for anything else or malformed data. */
  static Optional<InetAddress> address(DnsRecord record) {
    if (record.type() != DnsRecordType.A || !(record instanceof DnsRawRecord raw)) {
      return Optional.empty();
    }
    ByteBuf data = raw.content();
    if (data.readableBytes() != 4) {
      return Optional.empty();
    }
    byte[] bytes = new byte[4];
    data.getBytes(data.readerIndex(), bytes);
    try {
      return Optional.of((Inet4Address) InetAddress.getByAddress(bytes));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  /** The target of an SRV record, empty for anything else or malformed data. */
  static Optional<SrvTarget> srv(DnsRecord record) {
    if (record.type() != DnsRecordType.SRV || !(record instanceof DnsRawRecord raw)) {
      return Optional.empty();
    }
    ByteBuf data = raw.content().duplicate();
    if (data.readableBytes() < 7) {
      return Optional.empty();
    }
    int priority = data.readUnsignedShort();
    int weight = data.readUnsignedShort();
    int port = data.readUnsignedShort();
    StringBuilder host = new StringBuilder();
    while (data.isReadable()) {
      int length = data.readUnsignedByte();
      if (length == 0) {
        break;
      }
      if (length > 63 || data.readableBytes() < length) {
        return Optional.empty(); // a compression pointer or garbage
      }
      if (host.length() > 0) {
        host.append('.');
      }
      host.append(data.readCharSequence(length, StandardCharsets.US_ASCII));
    }
    return Optional.of(new SrvTarget(priority, weight, host.toString(), port));
  }
}
