package io.lyncemu.bench.xmpp;

import io.lyncemu.edge.xmpp.stream.XmlElement;
import io.lyncemu.edge.xmpp.stream.XmppStreamDecoder;
import io.lyncemu.edge.xmpp.stream.XmppStreamEvent;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.string.StringEncoder;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;

/**
 * One user signed in to an XMPP server's client port (c2s, plain, SASL PLAIN, bound resource,
 * available presence), counting the {@code <message} elements delivered to it. Once online it stops
 * parsing XML and only scans bytes, so counting costs the driver's JVM next to nothing.
 */
final class C2sInbox extends SimpleChannelInboundHandler<XmppStreamEvent> {
  private static final String SASL = "urn:ietf:params:xml:ns:xmpp-sasl";

  private final String user;
  private final String domain;
  private final String password;
  private final LongAdder delivered;
  private final CompletableFuture<C2sInbox> online = new CompletableFuture<>();
  private Channel channel;
  private boolean authenticated;

  private C2sInbox(String user, String domain, String password, LongAdder delivered) {
    this.user = user;
    this.domain = domain;
    this.password = password;
    this.delivered = delivered;
  }

  /** Signs {@code user@domain} in; completes when its available presence has been sent. */
  static CompletableFuture<C2sInbox> signIn(
      EventLoopGroup group,
      InetSocketAddress c2s,
      String user,
      String domain,
      String password,
      LongAdder delivered) {
    C2sInbox inbox = new C2sInbox(user, domain, password, delivered);
    new Bootstrap()
        .group(group)
        .channel(NioSocketChannel.class)
        .handler(
            new ChannelInitializer<SocketChannel>() {
              @Override
              protected void initChannel(SocketChannel ch) {
                ch.pipeline()
                    .addLast(new StringEncoder(StandardCharsets.UTF_8))
                    .addLast("xml", new XmppStreamDecoder())
                    .addLast(inbox);
              }
            })
        .connect(c2s)
        .addListener(
            f -> {
              if (!f.isSuccess()) {
                inbox.online.completeExceptionally(f.cause());
              }
            });
    return inbox.online;
  }

  void close() {
    if (channel != null) {
      channel.close();
    }
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    channel = ctx.channel();
    openStream(ctx);
  }

  private void openStream(ChannelHandlerContext ctx) {
    ctx.writeAndFlush(
        "<?xml version='1.0'?><stream:stream xmlns='jabber:client'"
            + " xmlns:stream='http://etherx.jabber.org/streams' to='"
            + domain
            + "' version='1.0'>");
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, XmppStreamEvent event) {
    if (!(event instanceof XmppStreamEvent.Stanza stanza)) {
      return;
    }
    XmlElement element = stanza.element();
    switch (element.name()) {
      case "features" -> {
        if (!authenticated) {
          String plain = "\0" + user + "\0" + password;
          ctx.writeAndFlush(
              "<auth xmlns='"
                  + SASL
                  + "' mechanism='PLAIN'>"
                  + Base64.getEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8))
                  + "</auth>");
        } else {
          ctx.writeAndFlush(
              "<iq type='set' id='bind'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'>"
                  + "<resource>bench</resource></bind></iq>");
        }
      }
      case "success" -> {
        authenticated = true;
        ((XmppStreamDecoder) ctx.pipeline().get("xml")).reset();
        openStream(ctx);
      }
      case "iq" -> {
        if ("bind".equals(element.attribute("id").orElse(""))
            && "result".equals(element.attribute("type").orElse(""))) {
          // From here on only messages matter: swap the parser for a byte scanner. The decoder
          // hands any bytes it still holds to the scanner as it is removed.
          ctx.pipeline().addAfter("xml", "count", new MessageScanner(delivered));
          ctx.pipeline().remove(this);
          ctx.pipeline().remove("xml");
          channel.writeAndFlush("<presence/>");
          online.complete(this);
        }
      }
      default -> {
        if (element.name().equals("failure") || element.name().equals("error")) {
          online.completeExceptionally(
              new IllegalStateException(user + " could not sign in: " + element));
          ctx.close();
        }
      }
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    online.completeExceptionally(new IllegalStateException(user + ": connection closed"));
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    online.completeExceptionally(cause);
    ctx.close();
  }

  /**
   * Counts occurrences of {@code <message} in the byte stream, across buffer boundaries. The
   * pattern has no repeated prefix, so a single match position is enough.
   */
  static final class MessageScanner extends ChannelInboundHandlerAdapter {
    private static final byte[] PATTERN = "<message".getBytes(StandardCharsets.US_ASCII);
    private final LongAdder delivered;
    private int matched;

    MessageScanner(LongAdder delivered) {
      this.delivered = delivered;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof ByteBuf bytes) {
        int found = 0;
        for (int i = bytes.readerIndex(), end = bytes.writerIndex(); i < end; i++) {
          byte b = bytes.getByte(i);
          if (b == PATTERN[matched]) {
            if (++matched == PATTERN.length) {
              found++;
              matched = 0;
            }
          } else {
            matched = b == '<' ? 1 : 0;
          }
        }
        if (found > 0) {
          delivered.add(found);
        }
      }
      ReferenceCountUtil.release(msg);
    }
  }
}
