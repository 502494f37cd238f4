package io.lyncemu.edge.xmpp.internal;

import io.lyncemu.core.dns.EmulatedPorts;
import io.lyncemu.core.journal.EventJournal;
import io.lyncemu.core.journal.EventKind;
import io.lyncemu.core.journal.NewEvent;
import io.lyncemu.core.lifecycle.PortBindException;
import io.lyncemu.core.lifecycle.Service;
import io.lyncemu.core.net.ConnectionTable;
import io.lyncemu.edge.xmpp.PartnerTraffic;
import io.lyncemu.edge.xmpp.StanzaErrors;
import io.lyncemu.edge.xmpp.stream.XmlElement;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The Edge's listener on the internal interface, port 23456: accepts the FE XMPP gateway over
 * mutual TLS and relays between it and the partners ({@link PartnerTraffic}). Stanzas from a
 * partner go to the most recently opened link; with no link up the partner gets {@code
 * service-unavailable}, as from a Lync Edge whose Front End gateway is down. Part of the
 * RTCXMPPTGWPX service; stopping it closes the port and every link.
 */
public final class XmppInternalListener implements Service {
  public static final String LISTENER = "xmpp-internal";
  static final String OWNER = "RTCXMPPTGWPX";

  private final EdgeLinkSettings settings;
  private final PartnerTraffic partners;
  private final ConnectionTable connections;
  private final EmulatedPorts emulatedPorts;
  private final EventJournal journal;
  private final SslContext tls;
  private final Set<EdgeLinkHandler> links = ConcurrentHashMap.newKeySet();
  private EventLoopGroup group;
  private io.netty.channel.group.ChannelGroup accepted;
  private Channel server;
  private AutoCloseable listingHandle;
  private AutoCloseable portHandle;

  /**
   * The port of the first bind, reused by later starts so a restart keeps the port (ephemeral too).
   */
  private int port;

  public XmppInternalListener(
      EdgeLinkSettings settings,
      PartnerTraffic partners,
      ConnectionTable connections,
      EmulatedPorts emulatedPorts,
      EventJournal journal) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.partners = Objects.requireNonNull(partners, "partners");
    this.connections = Objects.requireNonNull(connections, "connections");
    this.emulatedPorts = Objects.requireNonNull(emulatedPorts, "emulatedPorts");
    this.journal = Objects.requireNonNull(journal, "journal");
    this.tls = LinkTls.server(settings.identity(), settings.ca());
    this.port = settings.port();
  }

  @Override
  public String name() {
    return LISTENER;
  }

  @Override
  public synchronized void start() {
    if (server != null) {
      return;
    }
    group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    accepted =
        new io.netty.channel.group.DefaultChannelGroup(
            io.netty.util.concurrent.GlobalEventExecutor.INSTANCE);
    ServerBootstrap bootstrap =
        new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    accepted.add(ch);
                    ch.pipeline().addLast(tls.newHandler(ch.alloc()));
                    EdgeLinkHandler.install(ch, XmppInternalListener.this);
                  }
                });
    try {
      server = bootstrap.bind(settings.bindHost(), port).sync().channel();
    } catch (Exception e) {
      group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
      group = null;
      throw new PortBindException(LISTENER, new InetSocketAddress(settings.bindHost(), port), e);
    }
    InetSocketAddress bound = (InetSocketAddress) server.localAddress();
    port = bound.getPort();
    listingHandle = connections.listening(OWNER, bound);
    portHandle =
        emulatedPorts.register(
            settings.edgeFqdn(), GatewayLinkProtocol.WELL_KNOWN_PORT, bound.getPort());
    partners.onInbound(this::fromPartner);
    journal.record(
        NewEvent.of("xmpp-proxy", EventKind.SERVICE_STARTED)
            .with("listener", LISTENER)
            .with("port", bound.getPort()));
  }

  @Override
  public synchronized void stop() {
    if (server == null) {
      return;
    }
    partners.onInbound(stanza -> refuse(stanza, "the XMPP gateway proxy is stopped"));
    close(portHandle);
    close(listingHandle);
    server.close().awaitUninterruptibly();
    // Wait for every accepted connection to be closed, so the port is free when stop returns.
    accepted.close().awaitUninterruptibly(settings.stopTimeout().toMillis());
    group
        .shutdownGracefully(0, settings.stopTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .awaitUninterruptibly(settings.stopTimeout().toMillis() + 1000);
    server = null;
    group = null;
  }

  @Override
  public synchronized boolean isRunning() {
    return server != null && server.isActive();
  }

  @Override
  public synchronized Map<String, InetSocketAddress> endpoints() {
    return server == null ? Map.of() : Map.of(LISTENER, (InetSocketAddress) server.localAddress());
  }

  /** How many FE links have opened their stream; for tests and diagnostics. */
  public int openLinks() {
    return (int) links.stream().filter(EdgeLinkHandler::isOpen).count();
  }

  String edgeFqdn() {
    return settings.edgeFqdn();
  }

  PartnerTraffic partners() {
    return partners;
  }

  ConnectionTable connections() {
    return connections;
  }

  EventJournal journal() {
    return journal;
  }

  void opened(EdgeLinkHandler link) {
    links.add(link);
  }

  void closed(EdgeLinkHandler link) {
    links.remove(link);
  }

  private void fromPartner(XmlElement stanza) {
    Optional<EdgeLinkHandler> link =
        links.stream().filter(EdgeLinkHandler::isOpen).reduce((first, second) -> second);
    if (link.isPresent()) {
      link.get().send(stanza);
    } else {
      refuse(stanza, "the Front End XMPP gateway is not connected");
    }
  }

  /** Answers a partner's stanza with service-unavailable, never an error with an error. */
  private void refuse(XmlElement stanza, String why) {
    journal.record(
        NewEvent.of("xmpp-proxy", EventKind.XMPP_STANZA)
            .with("direction", "inbound")
            .with("from", stanza.attribute("from").orElse(""))
            .with("to", stanza.attribute("to").orElse(""))
            .with("outcome", "service-unavailable")
            .with("reason", why));
    if (!"error".equals(stanza.attribute("type").orElse(""))) {
      partners.sendToPartner(StanzaErrors.reply(stanza, "service-unavailable", why));
    }
  }

  private static void close(AutoCloseable handle) {
    try {
      if (handle != null) {
        handle.close();
      }
    } catch (Exception ignored) {
      // registry handles do not fail
    }
  }
}
