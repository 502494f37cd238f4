package io.lyncemu.bench.xmpp;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.handler.codec.dns.DatagramDnsQuery;
import io.netty.handler.codec.dns.DatagramDnsQueryDecoder;
import io.netty.handler.codec.dns.DatagramDnsResponse;
import io.netty.handler.codec.dns.DatagramDnsResponseEncoder;
import io.netty.handler.codec.dns.DefaultDnsRawRecord;
import io.netty.handler.codec.dns.DnsQuestion;
import io.netty.handler.codec.dns.DnsRecordType;
import io.netty.handler.codec.dns.DnsSection;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A tiny UDP DNS server on 127.0.0.1 for the run's own names: {@code _xmpp-server._tcp.<domain>}
 * SRV to {@code <host>:<port>} and {@code <host>} A 127.0.0.1; everything else is NXDOMAIN. Prosody
 * reaches it through libunbound's {@code forward}, so the system resolver is never touched.
 */
final class BenchDns implements AutoCloseable {
  private static final long TTL = 60;
  private final String srvName;
  private final String host;
  private final int port;
  private final Channel channel;

  BenchDns(EventLoopGroup group, String domain, String host, int port) throws InterruptedException {
    this.srvName = "_xmpp-server._tcp." + domain.toLowerCase(Locale.ROOT) + ".";
    this.host = host.toLowerCase(Locale.ROOT) + ".";
    this.port = port;
    this.channel =
        new Bootstrap()
            .group(group)
            .channel(NioDatagramChannel.class)
            .handler(
                new ChannelInitializer<DatagramChannel>() {
                  @Override
                  protected void initChannel(DatagramChannel ch) {
                    ch.pipeline()
                        .addLast(new DatagramDnsQueryDecoder())
                        .addLast(new DatagramDnsResponseEncoder())
                        .addLast(new Responder());
                  }
                })
            .bind(new InetSocketAddress("127.0.0.1", 0))
            .sync()
            .channel();
  }

  int port() {
    return ((InetSocketAddress) channel.localAddress()).getPort();
  }

  @Override
  public void close() {
    channel.close().syncUninterruptibly();
  }

  private final class Responder extends SimpleChannelInboundHandler<DatagramDnsQuery> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramDnsQuery query) {
      DnsQuestion question = query.recordAt(DnsSection.QUESTION);
      DatagramDnsResponse response =
          new DatagramDnsResponse(query.recipient(), query.sender(), query.id());
      response.setRecursionDesired(query.isRecursionDesired()).setRecursionAvailable(true);
      response.setAuthoritativeAnswer(true);
      response.addRecord(DnsSection.QUESTION, question);
      String name = question.name().toLowerCase(Locale.ROOT);
      name = name.endsWith(".") ? name : name + ".";
      if (name.equals(srvName) && question.type() == DnsRecordType.SRV) {
        response.addRecord(
            DnsSection.ANSWER,
            new DefaultDnsRawRecord(question.name(), DnsRecordType.SRV, TTL, srvData()));
      } else if (name.equals(host) && question.type() == DnsRecordType.A) {
        response.addRecord(
            DnsSection.ANSWER,
            new DefaultDnsRawRecord(
                question.name(),
                DnsRecordType.A,
                TTL,
                Unpooled.wrappedBuffer(new byte[] {127, 0, 0, 1})));
      } else if (!name.equals(srvName) && !name.equals(host)) {
        response.setCode(io.netty.handler.codec.dns.DnsResponseCode.NXDOMAIN);
      }
      ctx.writeAndFlush(response);
    }

    /** RFC 2782 RDATA: priority, weight, port, then the target as uncompressed labels. */
    private ByteBuf srvData() {
      ByteBuf data = Unpooled.buffer();
      data.writeShort(0).writeShort(0).writeShort(port);
      for (String label : host.split("\\.")) {
        byte[] bytes = label.getBytes(StandardCharsets.US_ASCII);
        data.writeByte(bytes.length).writeBytes(bytes);
      }
      return data.writeByte(0);
    }
  }
}
