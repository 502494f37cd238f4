package io.lyncemu.edge.dns;

import io.lyncemu.core.dns.SrvTarget;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.handler.codec.dns.DatagramDnsQuery;
import io.netty.handler.codec.dns.DatagramDnsQueryEncoder;
import io.netty.handler.codec.dns.DatagramDnsResponseDecoder;
import io.netty.handler.codec.dns.DefaultDnsQuery;
import io.netty.handler.codec.dns.DefaultDnsQuestion;
import io.netty.handler.codec.dns.DnsQuery;
import io.netty.handler.codec.dns.DnsRecord;
import io.netty.handler.codec.dns.DnsRecordType;
import io.netty.handler.codec.dns.DnsResponse;
import io.netty.handler.codec.dns.DnsSection;
import io.netty.handler.codec.dns.TcpDnsQueryEncoder;
import io.netty.handler.codec.dns.TcpDnsResponseDecoder;
import io.netty.util.ReferenceCountUtil;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A small blocking DNS client over Netty's codec: one question to one server, over UDP (retried
 * over TCP when the answer comes back truncated) or TCP. The codec runs in an {@link
 * EmbeddedChannel}, so the client owns no threads and needs no closing. Every call is bounded by
 * the timeout. Thread-safe: each call uses its own socket.
 */
public final class DnsClient {
  private final InetSocketAddress server;
  private final Duration timeout;

  public DnsClient(InetSocketAddress server, Duration timeout) {
    this.server = Objects.requireNonNull(server, "server");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  /**
   * Asks over UDP, then over TCP if the answer was truncated.
   *
   * @throws UncheckedIOException when the server does not answer within the timeout
   */
  public DnsReply query(String name, DnsRecordType type) {
    DnsReply reply = queryUdp(name, type);
    return reply.truncated() ? queryTcp(name, type) : reply;
  }

  public DnsReply queryUdp(String name, DnsRecordType type) {
    int id = ThreadLocalRandom.current().nextInt(1, 65536);
    byte[] request = encodeUdp(id, name, type);
    long deadline = System.nanoTime() + timeout.toNanos();
    try (DatagramSocket socket =
        new DatagramSocket(new InetSocketAddress(server.getAddress(), 0))) {
      socket.send(new java.net.DatagramPacket(request, request.length, server));
      byte[] buffer = new byte[65535];
      while (true) {
        long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
        java.net.DatagramPacket received = new java.net.DatagramPacket(buffer, buffer.length);
        socket.receive(received);
        DnsReply reply = decodeUdp(received, id);
        if (reply != null) {
          return reply;
        }
      }
    } catch (SocketTimeoutException e) {
      throw new UncheckedIOException(
          "no DNS answer from " + server + " within " + timeout.toMillis() + " ms", e);
    } catch (IOException e) {
      throw new UncheckedIOException("DNS query to " + server + " failed: " + e.getMessage(), e);
    }
  }

  public DnsReply queryTcp(String name, DnsRecordType type) {
    int id = ThreadLocalRandom.current().nextInt(1, 65536);
    try (Socket socket = new Socket()) {
      int millis = (int) Math.max(1, timeout.toMillis());
      socket.connect(server, millis);
      socket.setSoTimeout(millis);
      socket.getOutputStream().write(encodeTcp(id, name, type));
      DataInputStream in = new DataInputStream(socket.getInputStream());
      int length = in.readUnsignedShort();
      byte[] body = new byte[length];
      in.readFully(body);
      return decodeTcp(length, body);
    } catch (IOException e) {
      throw new UncheckedIOException("DNS query to " + server + " over TCP failed: " + e, e);
    }
  }

  private byte[] encodeUdp(int id, String name, DnsRecordType type) {
    DnsQuery query = new DatagramDnsQuery(null, server, id);
    query.setRecursionDesired(true);
    query.addRecord(DnsSection.QUESTION, new DefaultDnsQuestion(name, type));
    EmbeddedChannel channel = new EmbeddedChannel(new DatagramDnsQueryEncoder());
    try {
      channel.writeOutbound(query);
      DatagramPacket packet = channel.readOutbound();
      try {
        return ByteBufUtil.getBytes(packet.content());
      } finally {
        packet.release();
      }
    } finally {
      channel.finishAndReleaseAll();
    }
  }

  private static byte[] encodeTcp(int id, String name, DnsRecordType type) {
    DnsQuery query = new DefaultDnsQuery(id);
    query.setRecursionDesired(true);
    query.addRecord(DnsSection.QUESTION, new DefaultDnsQuestion(name, type));
    EmbeddedChannel channel = new EmbeddedChannel(new TcpDnsQueryEncoder());
    try {
      channel.writeOutbound(query);
      ByteBuf out = channel.readOutbound();
      try {
        return ByteBufUtil.getBytes(out);
      } finally {
        out.release();
      }
    } finally {
      channel.finishAndReleaseAll();
    }
  }

  /** The reply, or null for a datagram that is not the answer to {@code id}. */
  private DnsReply decodeUdp(java.net.DatagramPacket received, int id) {
    EmbeddedChannel channel = new EmbeddedChannel(new DatagramDnsResponseDecoder());
    try {
      ByteBuf content =
          Unpooled.copiedBuffer(received.getData(), received.getOffset(), received.getLength());
      channel.writeInbound(
          new DatagramPacket(
              content,
              new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
              (InetSocketAddress) received.getSocketAddress()));
      DnsResponse response = channel.readInbound();
      try {
        return response == null || response.id() != id ? null : read(response);
      } finally {
        ReferenceCountUtil.release(response);
      }
    } catch (RuntimeException malformed) {
      return null;
    } finally {
      channel.finishAndReleaseAll();
    }
  }

  private static DnsReply decodeTcp(int length, byte[] body) {
    EmbeddedChannel channel = new EmbeddedChannel(new TcpDnsResponseDecoder());
    try {
      ByteBuf framed = Unpooled.buffer(2 + body.length).writeShort(length).writeBytes(body);
      channel.writeInbound(framed);
      DnsResponse response = channel.readInbound();
      if (response == null) {
        throw new UncheckedIOException(new IOException("undecodable DNS response over TCP"));
      }
      try {
        return read(response);
      } finally {
        response.release();
      }
    } finally {
      channel.finishAndReleaseAll();
    }
  }

  private static DnsReply read(DnsResponse response) {
    List<InetAddress> addresses = new ArrayList<>();
    List<SrvTarget> services = new ArrayList<>();
    int answers = response.count(DnsSection.ANSWER);
    for (int i = 0; i < answers; i++) {
      DnsRecord record = response.recordAt(DnsSection.ANSWER, i);
      DnsWire.address(record).ifPresent(addresses::add);
      DnsWire.srv(record).ifPresent(services::add);
    }
    List<InetAddress> additional = new ArrayList<>();
    for (int i = 0; i < response.count(DnsSection.ADDITIONAL); i++) {
      DnsWire.address(response.recordAt(DnsSection.ADDITIONAL, i)).ifPresent(additional::add);
    }
    return new DnsReply(
        DnsQueryHandler.rcodeName(response.code()),
        response.isAuthoritativeAnswer(),
        response.isTruncated(),
        answers,
        addresses,
        services,
        additional);
  }
}
