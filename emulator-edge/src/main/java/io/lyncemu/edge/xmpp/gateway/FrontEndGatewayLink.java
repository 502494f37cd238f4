package io.lyncemu.edge.xmpp.gateway;

import io.lyncemu.core.journal.EventJournal;
import io.lyncemu.core.journal.EventKind;
import io.lyncemu.core.journal.NewEvent;
import io.lyncemu.core.lifecycle.Service;
import io.lyncemu.core.net.ConnectionTable;
import io.lyncemu.core.topology.Deployment;
import io.lyncemu.core.topology.Topology;
import io.lyncemu.edge.xmpp.internal.GatewayLinkProtocol;
import io.lyncemu.edge.xmpp.internal.LinkTls;
import io.lyncemu.edge.xmpp.stream.XmlElement;
import io.lyncemu.edge.xmpp.stream.XmppStreamDecoder;
import io.lyncemu.edge.xmpp.stream.XmppStreamEvent;
import io.lyncemu.edge.xmpp.stream.XmppStreamWriter;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.AttributeKey;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLParameters;

/**
 * The FE end of the 23456 link, the network half of service RTCXMPPTGW. While running it keeps one
 * mutual-TLS connection to the Edge pool named by the site's XMPP federation route, and none while
 * the route is unassigned (the seed's "23456 never ESTABLISHED"). It follows route changes as they
 * happen and reconnects with exponential backoff when the Edge is stopped or unreachable.
 */
public final class FrontEndGatewayLink implements Service, GatewayLink {
  static final String OWNER = "RTCXMPPTGW";
  private static final AttributeKey<Boolean> OPEN =
      AttributeKey.valueOf("lyncemu.xmpp-gateway-link.open");

  private final FrontEndLinkSettings settings;
  private final Deployment deployment;
  private final ConnectionTable connections;
  private final EventJournal journal;
  private final SslContext tls;
  private volatile GatewayLink.Listener listener;
  private volatile Channel linked;

  // guarded by this
  private boolean running;
  private EventLoopGroup group;
  private AutoCloseable deploymentHandle;
  private String target;
  private int attempt;
  private Duration backoff;

  public FrontEndGatewayLink(
      FrontEndLinkSettings settings,
      Deployment deployment,
      ConnectionTable connections,
      EventJournal journal) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.deployment = Objects.requireNonNull(deployment, "deployment");
    this.connections = Objects.requireNonNull(connections, "connections");
    this.journal = Objects.requireNonNull(journal, "journal");
    this.tls = LinkTls.client(settings.identity(), settings.ca());
    this.backoff = settings.initialBackoff();
  }

  /** Where stanzas from the Edge go; the gateway sets itself. */
  public void listener(GatewayLink.Listener value) {
    this.listener = Objects.requireNonNull(value, "listener");
  }

  @Override
  public String name() {
    return "xmpp-gateway";
  }

  @Override
  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    deploymentHandle = deployment.onChange(this::follow);
    follow(deployment.current());
  }

  @Override
  public void stop() {
    EventLoopGroup stopping;
    synchronized (this) {
      if (!running) {
        return;
      }
      running = false;
      target = null;
      attempt++;
      closeQuietly(deploymentHandle);
      stopping = group;
      group = null;
    }
    // Outside the lock: the I/O thread takes it in channelInactive while the group shuts down.
    Channel channel = linked;
    if (channel != null) {
      channel.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
    }
    stopping.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
  }

  @Override
  public synchronized boolean isRunning() {
    return running;
  }

  /** A client only: it binds no listener. */
  @Override
  public Map<String, InetSocketAddress> endpoints() {
    return Map.of();
  }

  @Override
  public boolean isUp() {
    Channel channel = linked;
    return channel != null && channel.isActive() && Boolean.TRUE.equals(channel.attr(OPEN).get());
  }

  @Override
  public boolean send(XmlElement stanza) {
    Channel channel = linked;
    if (channel == null || !isUp()) {
      return false;
    }
    channel.writeAndFlush(
        Unpooled.copiedBuffer(XmppStreamWriter.element(stanza), StandardCharsets.UTF_8));
    return true;
  }

  /** The Edge FQDN the link is meant to reach now, or empty while the route is unassigned. */
  public synchronized Optional<String> target() {
    return Optional.ofNullable(target);
  }

  private synchronized void follow(Topology topology) {
    if (!running) {
      return;
    }
    String route =
        topology.federation().xmppRouteAssigned()
            ? topology.federation().xmppFederationRoute()
            : null;
    if (Objects.equals(route, target)) {
      return;
    }
    journal.record(
        NewEvent.of("xmpp-gateway", EventKind.CONFIGURATION_CHANGED)
            .with("xmpp-federation-route", route == null ? "" : route));
    target = route;
    attempt++;
    backoff = settings.initialBackoff();
    Channel channel = linked;
    if (channel != null) {
      channel.close();
    }
    connect(attempt);
  }

  private synchronized void connect(int forAttempt) {
    if (!running || target == null || forAttempt != attempt) {
      return;
    }
    String edge = target;
    Optional<InetSocketAddress> address = settings.edgeAddress().apply(edge);
    if (address.isEmpty()) {
      retryLater(forAttempt, edge + ":23456 is not listening");
      return;
    }
    InetSocketAddress remote = address.get();
    new Bootstrap()
        .group(group)
        .channel(NioSocketChannel.class)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5000)
        .handler(
            new ChannelInitializer<SocketChannel>() {
              @Override
              protected void initChannel(SocketChannel ch) {
                SslHandler ssl = tls.newHandler(ch.alloc(), edge, remote.getPort());
                SSLParameters parameters = ssl.engine().getSSLParameters();
                // The Edge must present a certificate for the FQDN the route names.
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                ssl.engine().setSSLParameters(parameters);
                ch.pipeline().addLast(ssl, new XmppStreamDecoder(), new LinkHandler(forAttempt));
              }
            })
        .connect(remote)
        .addListener(
            done -> {
              if (!done.isSuccess()) {
                retryLater(forAttempt, "connect to " + remote + " failed: " + done.cause());
              }
            });
  }

  private synchronized void retryLater(int forAttempt, String why) {
    if (!running || forAttempt != attempt) {
      return;
    }
    Duration delay = backoff;
    Duration doubled = backoff.multipliedBy(2);
    backoff = doubled.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : doubled;
    journal.record(
        NewEvent.of("xmpp-gateway", EventKind.XMPP_STREAM_ERROR)
            .with("stream", "gateway-link")
            .with("reason", why)
            .with("retry-in-ms", delay.toMillis()));
    int next = ++attempt;
    if (group == null) {
      return;
    }
    group.schedule(() -> connect(next), delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  private synchronized void linkUp(Channel channel, int forAttempt) {
    if (forAttempt != attempt || !running) {
      channel.close();
      return;
    }
    linked = channel;
    backoff = settings.initialBackoff();
  }

  private static void closeQuietly(AutoCloseable handle) {
    try {
      if (handle != null) {
        handle.close();
      }
    } catch (Exception ignored) {
      // registry handles do not fail
    }
  }

  /** One connection attempt's pipeline end. */
  private final class LinkHandler extends SimpleChannelInboundHandler<XmppStreamEvent> {
    private final int forAttempt;
    private AutoCloseable established;

    LinkHandler(int forAttempt) {
      this.forAttempt = forAttempt;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
      ctx.pipeline()
          .get(SslHandler.class)
          .handshakeFuture()
          .addListener(
              done -> {
                if (!done.isSuccess()) {
                  ctx.close();
                  return;
                }
                established =
                    connections.established(
                        OWNER,
                        (InetSocketAddress) ctx.channel().localAddress(),
                        (InetSocketAddress) ctx.channel().remoteAddress());
                ctx.writeAndFlush(
                    Unpooled.copiedBuffer(
                        GatewayLinkProtocol.header(settings.poolFqdn(), target(ctx), null),
                        StandardCharsets.UTF_8));
              });
      ctx.fireChannelActive();
    }

    private String target(ChannelHandlerContext ctx) {
      return ((SslHandler) ctx.pipeline().get(SslHandler.class)).engine().getPeerHost();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, XmppStreamEvent event) {
      if (event instanceof XmppStreamEvent.StreamOpened header) {
        ctx.channel().attr(OPEN).set(Boolean.TRUE);
        linkUp(ctx.channel(), forAttempt);
        journal.record(
            NewEvent.of("xmpp-gateway", EventKind.XMPP_STREAM_OPENED)
                .with("stream", "gateway-link")
                .with("edge", header.attribute("from"))
                .with("peer", String.valueOf(ctx.channel().remoteAddress())));
        GatewayLink.Listener l = listener;
        if (l != null && isUp()) {
          l.onLinkUp();
        }
      } else if (event instanceof XmppStreamEvent.Stanza stanza) {
        dispatch(stanza.element());
      } else {
        ctx.close();
      }
    }

    private void dispatch(XmlElement element) {
      GatewayLink.Listener l = listener;
      if (l == null) {
        return;
      }
      if (element.namespace().equals(GatewayLinkProtocol.NAMESPACE)) {
        String id = element.attribute("id").orElse("");
        if (element.name().equals(GatewayLinkProtocol.DELIVERY_ACK)) {
          l.onDeliveryAck(id);
        } else if (element.name().equals(GatewayLinkProtocol.DELIVERY_ERROR)) {
          l.onDeliveryError(
              id,
              element.attribute("condition").orElse("undefined-condition"),
              element.attribute("text").orElse(""));
        }
      } else if (GatewayLinkProtocol.isStanza(element)) {
        l.onStanza(element);
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      closeQuietly(established);
      established = null;
      boolean wasOpen = Boolean.TRUE.equals(ctx.channel().attr(OPEN).get());
      ctx.channel().attr(OPEN).set(null);
      synchronized (FrontEndGatewayLink.this) {
        if (linked == ctx.channel()) {
          linked = null;
        }
      }
      if (wasOpen) {
        journal.record(
            NewEvent.of("xmpp-gateway", EventKind.XMPP_STREAM_CLOSED)
                .with("stream", "gateway-link")
                .with("peer", String.valueOf(ctx.channel().remoteAddress())));
      }
      retryLater(forAttempt, "link closed");
      ctx.fireChannelInactive();
    }
  }
}
