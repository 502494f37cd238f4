package io.lyncemu.edge.xmpp.s2s;

import io.lyncemu.core.lifecycle.PortBindException;
import io.lyncemu.core.lifecycle.Service;
import io.lyncemu.edge.xmpp.PartnerTraffic;
import io.lyncemu.edge.xmpp.stream.XmlElement;
import io.lyncemu.edge.xmpp.stream.XmppStreamDecoder;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The Edge XMPP proxy's external listener (5269) and its outbound side, as one {@link Service} and
 * the {@link PartnerTraffic} the FE gateway link uses. While running, the listener is registered in
 * {@code EmulatedPorts} as {@code <access edge fqdn>:5269} and in the netstat view as owned by
 * {@value XmppEdgeConfig#OWNER}.
 */
public final class XmppS2sServer implements Service, PartnerTraffic {
  public static final String LISTENER = "xmpp-s2s";

  private final XmppEdgeConfig config;

  /** The configured port until the first bind, then the bound one: a restart reuses it. */
  private int port;

  private final Object lock = new Object();
  private EventLoopGroup group;
  private ExecutorService blocking;
  private S2sContext context;
  private Channel listener;
  private final List<AutoCloseable> registrations = new ArrayList<>();
  private volatile Consumer<XmlElement> inbound = stanza -> {};

  public XmppS2sServer(XmppEdgeConfig config) {
    this.config = config;
    this.port = config.port();
  }

  @Override
  public String name() {
    return "xmpp-s2s";
  }

  @Override
  public void start() {
    synchronized (lock) {
      if (listener != null) {
        return;
      }
      group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
      blocking =
          Executors.newCachedThreadPool(
              r -> {
                Thread t = new Thread(r, "xmpp-s2s-dns");
                t.setDaemon(true);
                return t;
              });
      context = new S2sContext(config, group, blocking, this);
      context.onInbound(inbound);
      S2sContext shared = context;
      InetSocketAddress address = new InetSocketAddress(config.bindHost(), port);
      try {
        listener =
            new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(io.netty.channel.ChannelOption.SO_REUSEADDR, true)
                .childHandler(
                    new ChannelInitializer<SocketChannel>() {
                      @Override
                      protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                            .addLast("xmpp-decoder", new XmppStreamDecoder(config.limits()))
                            .addLast(
                                "idle",
                                new IdleStateHandler(
                                    shared.gateway().streamInactivityTimeout(),
                                    0,
                                    0,
                                    TimeUnit.SECONDS))
                            .addLast("session", new InboundS2sSession(shared));
                      }
                    })
                .bind(address)
                .syncUninterruptibly()
                .channel();
      } catch (RuntimeException e) {
        shutdownThreads();
        throw new PortBindException(LISTENER, address, e);
      }
      InetSocketAddress bound = (InetSocketAddress) listener.localAddress();
      port = bound.getPort(); // Stop-/Start-CsWindowsService keeps the port, even an ephemeral one
      registrations.add(config.connections().listening(XmppEdgeConfig.OWNER, bound));
      registrations.add(
          config
              .ports()
              .register(config.accessEdgeFqdn(), XmppEdgeConfig.WELL_KNOWN_PORT, bound.getPort()));
    }
  }

  @Override
  public void stop() {
    synchronized (lock) {
      if (listener == null) {
        return;
      }
      registrations.forEach(InboundS2sSession::closeQuietly);
      registrations.clear();
      listener.close().syncUninterruptibly();
      listener = null;
      shutdownThreads();
    }
  }

  private void shutdownThreads() {
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    blocking.shutdownNow();
    group = null;
    context = null;
  }

  @Override
  public boolean isRunning() {
    synchronized (lock) {
      return listener != null && listener.isActive();
    }
  }

  @Override
  public Map<String, InetSocketAddress> endpoints() {
    synchronized (lock) {
      return listener == null
          ? Map.of()
          : Map.of(LISTENER, (InetSocketAddress) listener.localAddress());
    }
  }

  @Override
  public CompletionStage<Void> sendToPartner(XmlElement stanza) {
    S2sContext running = context;
    if (running == null) {
      return java.util.concurrent.CompletableFuture.failedFuture(
          new io.lyncemu.edge.xmpp.XmppDeliveryException(
              "service-unavailable", "the XMPP proxy is not running"));
    }
    return running.connector.send(stanza);
  }

  @Override
  public void onInbound(Consumer<XmlElement> consumer) {
    inbound = consumer;
    S2sContext running = context;
    if (running != null) {
      running.onInbound(consumer);
    }
  }
}
