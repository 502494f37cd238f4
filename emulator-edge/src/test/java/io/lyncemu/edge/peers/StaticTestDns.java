package io.lyncemu.edge.peers;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.handler.codec.dns.DatagramDnsQuery;
import io.netty.handler.codec.dns.DatagramDnsQueryDecoder;
import io.netty.handler.codec.dns.DatagramDnsResponse;
import io.netty.handler.codec.dns.DatagramDnsResponseEncoder;
import io.netty.handler.codec.dns.DefaultDnsQuestion;
import io.netty.handler.codec.dns.DefaultDnsRawRecord;
import io.netty.handler.codec.dns.DnsQuestion;
import io.netty.handler.codec.dns.DnsRecordType;
import io.netty.handler.codec.dns.DnsResponseCode;
import io.netty.handler.codec.dns.DnsSection;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A DNS server on a loopback UDP port that answers from a fixed table of A and SRV records: enough
 * for a peer's resolver (Prosody's lua-unbound forwarder) to find {@code
 * _xmpp-server._tcp.<domain>} on a loopback port. Names it does not know get NXDOMAIN at once, so a
 * peer never waits on a timeout; every question is recorded for failure messages.
 */
public final class StaticTestDns implements AutoCloseable {
  /** Short, so a record changed between tests is not served from a peer's cache for long. */
  private static final long TTL_SECONDS = 1;

  private final EventLoopGroup group;
  private final Channel channel;
  private final List<String> questions = new CopyOnWriteArrayList<>();
  private final Map<String, List<Answer>> records;

  private StaticTestDns(Map<String, List<Answer>> records) throws IOException {
    this.records = records;
    this.group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    try {
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
              .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
              .sync()
              .channel();
    } catch (InterruptedException e) {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      Thread.currentThread().interrupt();
      throw new IOException("interrupted binding the test DNS server", e);
    } catch (RuntimeException e) {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      throw new IOException("cannot bind the test DNS server", e);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The UDP port on 127.0.0.1, e.g. for {@link ProsodyPeer.Builder#dnsForwarderPort(int)}. */
  public int port() {
    return ((InetSocketAddress) channel.localAddress()).getPort();
  }

  /** Questions asked so far, as {@code "SRV _xmpp-server._tcp.b.example -> NOERROR"}. */
  public List<String> questions() {
    return List.copyOf(questions);
  }

  @Override
  public void close() {
    channel.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
  }

  /** One record of the table: its type and wire-format rdata. */
  private record Answer(DnsRecordType type, byte[] rdata) {}

  /** The record table; {@link #start()} binds the server. */
  public static final class Builder {
    private final Map<String, List<Answer>> records = new ConcurrentHashMap<>();

    private Builder() {}

    /** An A record. */
    public Builder a(String name, String ipv4) throws IOException {
      InetAddress address = InetAddress.getByName(ipv4);
      if (!(address instanceof Inet4Address)) {
        throw new IllegalArgumentException("not an IPv4 address: " + ipv4);
      }
      return add(name, new Answer(DnsRecordType.A, address.getAddress()));
    }

    /** An SRV record (RFC 2782): priority, weight, port, then the uncompressed target name. */
    public Builder srv(String name, int priority, int weight, int port, String target) {
      ByteArrayOutputStream rdata = new ByteArrayOutputStream();
      writeShort(rdata, priority);
      writeShort(rdata, weight);
      writeShort(rdata, port);
      writeName(rdata, target);
      return add(name, new Answer(DnsRecordType.SRV, rdata.toByteArray()));
    }

    /**
     * What a federation partner needs to reach {@code domain}'s XMPP server on 127.0.0.1:port:
     * {@code _xmpp-server._tcp.<domain>} SRV to a target host, and that host's A record.
     */
    public Builder xmppServer(String domain, int port) throws IOException {
      String target = "xmpp." + domain;
      return srv("_xmpp-server._tcp." + domain, 0, 5, port, target).a(target, "127.0.0.1");
    }

    public StaticTestDns start() throws IOException {
      return new StaticTestDns(records);
    }

    private Builder add(String name, Answer answer) {
      records.computeIfAbsent(normalize(name), n -> new CopyOnWriteArrayList<>()).add(answer);
      return this;
    }
  }

  /** Answers one query from the table. */
  private final class Responder extends SimpleChannelInboundHandler<DatagramDnsQuery> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramDnsQuery query) {
      DnsQuestion question = query.recordAt(DnsSection.QUESTION);
      String name = normalize(question.name());
      List<Answer> known = records.get(name);
      List<Answer> matching = new ArrayList<>();
      if (known != null) {
        known.stream().filter(a -> a.type().equals(question.type())).forEach(matching::add);
      }
      // NXDOMAIN only when the name has no records at all; an unknown type is NODATA (NOERROR).
      DnsResponseCode code = known == null ? DnsResponseCode.NXDOMAIN : DnsResponseCode.NOERROR;
      DatagramDnsResponse response =
          new DatagramDnsResponse(
              query.recipient(), query.sender(), query.id(), query.opCode(), code);
      response.setAuthoritativeAnswer(true);
      response.setRecursionDesired(query.isRecursionDesired());
      // a forwarder is expected to recurse; say so, so the resolver does not treat us as lame
      response.setRecursionAvailable(true);
      response.addRecord(
          DnsSection.QUESTION, new DefaultDnsQuestion(question.name(), question.type()));
      for (Answer answer : matching) {
        response.addRecord(
            DnsSection.ANSWER,
            new DefaultDnsRawRecord(
                question.name(),
                answer.type(),
                TTL_SECONDS,
                Unpooled.wrappedBuffer(answer.rdata())));
      }
      questions.add(question.type().name() + " " + name + " -> " + code + " " + matching.size());
      ctx.writeAndFlush(response);
    }
  }

  private static String normalize(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
  }

  private static void writeShort(ByteArrayOutputStream out, int value) {
    out.write((value >> 8) & 0xff);
    out.write(value & 0xff);
  }

  /** A domain name as length-prefixed labels ending in the root label, no compression. */
  private static void writeName(ByteArrayOutputStream out, String name) {
    for (String label : normalize(name).split("\\.")) {
      byte[] bytes = label.getBytes(StandardCharsets.US_ASCII);
      if (bytes.length == 0 || bytes.length > 63) {
        throw new IllegalArgumentException("bad DNS label in " + name);
      }
      out.write(bytes.length);
      out.write(bytes, 0, bytes.length);
    }
    out.write(0);
  }
}
