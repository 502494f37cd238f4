package io.lyncemu.edge.dns;

import io.lyncemu.core.dns.EmulatedPorts;
import io.lyncemu.core.dns.NameResolver;
import io.lyncemu.core.journal.EventJournal;
import io.lyncemu.core.lifecycle.Service;
import io.lyncemu.core.lifecycle.StartupException;
import io.lyncemu.core.topology.Deployment;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.dns.DatagramDnsQueryDecoder;
import io.netty.handler.codec.dns.TcpDnsQueryDecoder;
import io.netty.handler.codec.dns.TcpDnsResponseEncoder;
import io.netty.handler.timeout.ReadTimeoutHandler;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The emulator's DNS server: the emulated zones over UDP and TCP on one loopback port, so that real
 * programs resolve {@code _xmpp-server._tcp.litwareinc.com} and find the Edge where the emulator
 * really listens. Authoritative for the emulated zones (a removed record is gone on the next
 * query); names outside them are relayed to the upstream resolver, or refused without one. UDP
 * answers larger than 512 bytes (or the client's EDNS size) come back truncated with TC set.
 * Malformed packets are dropped (UDP) or end their connection (TCP); everyone else keeps being
 * served. Thread-safe.
 */
public final class EmbeddedDnsServer implements Service {
  /** The listener name in {@link #endpoints()}. */
  public static final String LISTENER = "dns";

  private static final int BIND_ATTEMPTS = 5;
  private static final Duration TCP_IDLE = Duration.ofSeconds(10);

  private final String bindHost;
  private final int requestedPort;
  private final ZoneAnswerer answerer;
  private final EventJournal journal;
  private final Duration stopTimeout;
  private EventLoopGroup group;
  private ThreadPoolExecutor upstreamPool;
  private Channel udp;
  private Channel tcp;

  /**
   * @param port the port for both UDP and TCP; 0 picks a free one, read back with {@link #port}
   * @param upstream where names outside the zones are looked up; empty to refuse them
   */
  public EmbeddedDnsServer(
      String bindHost,
      int port,
      Deployment deployment,
      EmulatedPorts ports,
      Optional<NameResolver> upstream,
      EventJournal journal,
      Duration stopTimeout) {
    this.bindHost = Objects.requireNonNull(bindHost, "bindHost");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("DNS port must be 0..65535, not " + port);
    }
    this.requestedPort = port;
    this.answerer = new ZoneAnswerer(deployment, ports, upstream);
    this.journal = Objects.requireNonNull(journal, "journal");
    this.stopTimeout = Objects.requireNonNull(stopTimeout, "stopTimeout");
  }

  @Override
  public String name() {
    return LISTENER;
  }

  @Override
  public synchronized void start() {
    if (isRunning()) {
      return;
    }
    group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    upstreamPool = upstreamPool();
    DnsQueryHandler handler = new DnsQueryHandler(answerer, journal, upstreamPool);
    try {
      bindBoth(handler);
    } catch (RuntimeException e) {
      stop();
      throw e;
    }
  }

  /** UDP first, then TCP on the port UDP got; an ephemeral port taken on TCP is tried again. */
  private void bindBoth(DnsQueryHandler handler) {
    StartupException last = null;
    for (int attempt = 0; attempt < (requestedPort == 0 ? BIND_ATTEMPTS : 1); attempt++) {
      Channel boundUdp = bind(udpBootstrap(handler), requestedPort, "UDP");
      int port = ((InetSocketAddress) boundUdp.localAddress()).getPort();
      try {
        tcp = bind(tcpBootstrap(handler), port, "TCP");
        udp = boundUdp;
        return;
      } catch (StartupException taken) {
        boundUdp.close().awaitUninterruptibly();
        last = taken;
      }
    }
    throw last;
  }

  private Channel bind(Object bootstrap, int port, String transport) {
    InetSocketAddress address = new InetSocketAddress(bindHost, port);
    io.netty.channel.ChannelFuture future =
        bootstrap instanceof ServerBootstrap server
            ? server.bind(address)
            : ((Bootstrap) bootstrap).bind(address);
    future.awaitUninterruptibly();
    if (!future.isSuccess()) {
      throw new StartupException(
          "the DNS server cannot bind "
              + transport
              + " "
              + bindHost
              + ":"
              + port
              + " ("
              + future.cause().getMessage()
              + "); pick another port with --port dns=N, or 0 for any free port",
          future.cause());
    }
    return future.channel();
  }

  private Bootstrap udpBootstrap(DnsQueryHandler handler) {
    return new Bootstrap()
        .group(group)
        .channel(NioDatagramChannel.class)
        .handler(
            new ChannelInitializer<DatagramChannel>() {
              @Override
              protected void initChannel(DatagramChannel ch) {
                ch.pipeline()
                    .addLast(new DatagramDnsQueryDecoder())
                    .addLast(new TruncatingResponseEncoder())
                    .addLast(handler);
              }
            });
  }

  private ServerBootstrap tcpBootstrap(DnsQueryHandler handler) {
    return new ServerBootstrap()
        .group(group)
        .channel(NioServerSocketChannel.class)
        .childHandler(
            new ChannelInitializer<SocketChannel>() {
              @Override
              protected void initChannel(SocketChannel ch) {
                ch.pipeline()
                    .addLast(new ReadTimeoutHandler(TCP_IDLE.toSeconds(), TimeUnit.SECONDS))
                    .addLast(new TcpDnsQueryDecoder())
                    .addLast(new TcpDnsResponseEncoder())
                    .addLast(handler);
              }
            });
  }

  /**
   * Upstream look-ups block for up to their timeout, so they run here and not on the event loop;
   * bounded, so a flood of outside names gets SERVFAIL instead of unbounded threads.
   */
  private static ThreadPoolExecutor upstreamPool() {
    AtomicInteger count = new AtomicInteger();
    return new ThreadPoolExecutor(
        0,
        4,
        30,
        TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(256),
        runnable -> {
          Thread thread = new Thread(runnable, "lyncemu-dns-upstream-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }

  @Override
  public synchronized void stop() {
    if (udp != null) {
      udp.close().awaitUninterruptibly(stopTimeout.toMillis());
      udp = null;
    }
    if (tcp != null) {
      tcp.close().awaitUninterruptibly(stopTimeout.toMillis());
      tcp = null;
    }
    if (upstreamPool != null) {
      upstreamPool.shutdownNow();
      upstreamPool = null;
    }
    if (group != null) {
      group
          .shutdownGracefully(0, stopTimeout.toMillis(), TimeUnit.MILLISECONDS)
          .awaitUninterruptibly(stopTimeout.toMillis());
      group = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return udp != null && udp.isActive() && tcp != null && tcp.isActive();
  }

  @Override
  public synchronized Map<String, InetSocketAddress> endpoints() {
    if (!isRunning()) {
      return Map.of();
    }
    return Map.of(LISTENER, (InetSocketAddress) udp.localAddress());
  }
}
