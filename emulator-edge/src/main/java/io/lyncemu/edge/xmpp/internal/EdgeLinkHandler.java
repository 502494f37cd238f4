package io.lyncemu.edge.xmpp.internal;

import io.lyncemu.core.journal.EventKind;
import io.lyncemu.core.journal.NewEvent;
import io.lyncemu.edge.xmpp.XmppDeliveryException;
import io.lyncemu.edge.xmpp.stream.StreamErrorCondition;
import io.lyncemu.edge.xmpp.stream.XmlElement;
import io.lyncemu.edge.xmpp.stream.XmppStreamDecoder;
import io.lyncemu.edge.xmpp.stream.XmppStreamEvent;
import io.lyncemu.edge.xmpp.stream.XmppStreamException;
import io.lyncemu.edge.xmpp.stream.XmppStreamWriter;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslHandler;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.CompletionException;

/**
 * One accepted FE link on the Edge: after the mutual-TLS handshake it waits for the FE's link
 * header, answers with its own, then passes each stanza to the partners and reports the outcome
 * back as delivery-ack or delivery-error.
 */
final class EdgeLinkHandler extends SimpleChannelInboundHandler<XmppStreamEvent> {
  private final XmppInternalListener listener;
  private final SocketChannel channel;
  private volatile boolean open;
  private AutoCloseable established;

  private EdgeLinkHandler(XmppInternalListener listener, SocketChannel channel) {
    this.listener = listener;
    this.channel = channel;
  }

  static void install(SocketChannel channel, XmppInternalListener listener) {
    EdgeLinkHandler handler = new EdgeLinkHandler(listener, channel);
    channel.pipeline().addLast(new XmppStreamDecoder(), handler);
    channel
        .pipeline()
        .get(SslHandler.class)
        .handshakeFuture()
        .addListener(
            done -> {
              if (done.isSuccess()) {
                handler.handshakeDone();
              } else {
                listener
                    .journal()
                    .record(
                        NewEvent.of("xmpp-proxy", EventKind.XMPP_STREAM_ERROR)
                            .with("listener", XmppInternalListener.LISTENER)
                            .with("peer", String.valueOf(channel.remoteAddress()))
                            .with("reason", "TLS handshake failed: " + done.cause()));
                channel.close();
              }
            });
  }

  private void handshakeDone() {
    synchronized (this) {
      if (channel.isActive()) {
        established =
            listener
                .connections()
                .established(
                    XmppInternalListener.OWNER,
                    (InetSocketAddress) channel.localAddress(),
                    (InetSocketAddress) channel.remoteAddress());
      }
    }
  }

  boolean isOpen() {
    return open && channel.isActive();
  }

  void send(XmlElement stanza) {
    write(XmppStreamWriter.element(stanza));
  }

  void close() {
    channel.close();
  }

  private void write(String text) {
    channel.writeAndFlush(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, XmppStreamEvent event) {
    if (event instanceof XmppStreamEvent.StreamOpened header) {
      onHeader(header);
    } else if (event instanceof XmppStreamEvent.Stanza stanza) {
      onStanza(stanza.element());
    } else {
      write(XmppStreamWriter.streamClose());
      channel.close();
    }
  }

  private void onHeader(XmppStreamEvent.StreamOpened header) {
    if (!GatewayLinkProtocol.isLinkHeader(header.namespaces())) {
      streamError(
          new XmppStreamException(
              StreamErrorCondition.INVALID_NAMESPACE,
              "this port carries the FE XMPP gateway link ("
                  + GatewayLinkProtocol.NAMESPACE
                  + ")"));
      return;
    }
    write(
        GatewayLinkProtocol.header(
            listener.edgeFqdn(), header.attribute("from"), UUID.randomUUID().toString()));
    open = true;
    listener.opened(this);
    listener
        .journal()
        .record(
            NewEvent.of("xmpp-proxy", EventKind.XMPP_STREAM_OPENED)
                .with("stream", "gateway-link")
                .with("from", header.attribute("from"))
                .with("peer", String.valueOf(channel.remoteAddress())));
  }

  private void onStanza(XmlElement element) {
    if (!open || !GatewayLinkProtocol.isStanza(element)) {
      streamError(
          new XmppStreamException(
              open
                  ? StreamErrorCondition.UNSUPPORTED_STANZA_TYPE
                  : StreamErrorCondition.NOT_AUTHORIZED,
              open ? "only message, presence and iq cross the link" : "no link header yet"));
      return;
    }
    String id = element.attribute("id").orElse(null);
    listener
        .partners()
        .sendToPartner(element)
        .whenComplete(
            (ok, failure) -> {
              if (id == null) {
                return;
              }
              if (failure == null) {
                send(GatewayLinkProtocol.deliveryAck(id));
              } else {
                Throwable cause =
                    failure instanceof CompletionException ? failure.getCause() : failure;
                String condition =
                    cause instanceof XmppDeliveryException x
                        ? x.condition()
                        : "undefined-condition";
                send(GatewayLinkProtocol.deliveryError(id, condition, cause.getMessage()));
              }
            });
  }

  private void streamError(XmppStreamException error) {
    listener
        .journal()
        .record(
            NewEvent.of("xmpp-proxy", EventKind.XMPP_STREAM_ERROR)
                .with("stream", "gateway-link")
                .with("condition", error.condition().wireName())
                .with("reason", error.getMessage()));
    channel
        .writeAndFlush(
            Unpooled.copiedBuffer(XmppStreamWriter.streamError(error), StandardCharsets.UTF_8))
        .addListener(f -> channel.close());
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof XmppStreamException error) {
      streamError(error);
    } else {
      channel.close();
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    open = false;
    listener.closed(this);
    synchronized (this) {
      if (established != null) {
        try {
          established.close();
        } catch (Exception ignored) {
          // registry handles do not fail
        }
        established = null;
      }
    }
    ctx.fireChannelInactive();
  }
}
