package io.lyncemu.bench.xmpp;

import io.lyncemu.edge.xmpp.stream.XmlElement;
import io.lyncemu.edge.xmpp.stream.XmppNamespaces;
import io.lyncemu.edge.xmpp.stream.XmppStreamDecoder;
import io.lyncemu.edge.xmpp.stream.XmppStreamEvent;
import io.lyncemu.edge.xmpp.stream.XmppStreamWriter;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.string.StringEncoder;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * An originating XMPP server for one domain (e.g. {@code bench.example}) that loads any
 * standards-compliant server-to-server listener: plain TCP, no TLS, authenticated by Server
 * Dialback (XEP-0220) with XEP-0185 keys. It is also that domain's authoritative server: it listens
 * on 127.0.0.1 and answers the target's {@code <db:verify>} (the target finds it through the run's
 * DNS, {@code _xmpp-server._tcp.<domain>}).
 *
 * <p>Messages are pushed as fast as the target reads them: each stream writes until Netty reports
 * the channel unwritable (at most {@link #HIGH_WATER} bytes outstanding) and resumes when it
 * drains.
 */
public final class S2sLoadDriver implements AutoCloseable {
  static final int HIGH_WATER = 256 * 1024;
  private static final int LOW_WATER = 64 * 1024;

  private final String domain;
  private final DialbackKey keys = new DialbackKey(UUID.randomUUID().toString());
  private final EventLoopGroup group;
  private final Channel listener;
  private final java.util.concurrent.atomic.AtomicLong sent =
      new java.util.concurrent.atomic.AtomicLong();
  private final java.util.Queue<OutboundStream> waiting =
      new java.util.concurrent.ConcurrentLinkedQueue<>();
  private volatile java.util.function.LongSupplier delivered = () -> Long.MIN_VALUE;
  private volatile long maxOutstanding = Long.MAX_VALUE;
  private volatile long sentBase;
  private volatile long deliveredBase;
  private final LongAdder verifies = new LongAdder();
  private final LongAdder inboundStanzas = new LongAdder();

  public S2sLoadDriver(String domain, int threads) throws InterruptedException {
    this.domain = domain;
    this.group = new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory());
    this.listener =
        new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    ch.pipeline()
                        .addLast(
                            new StringEncoder(StandardCharsets.UTF_8),
                            new XmppStreamDecoder(),
                            new AuthoritativeStream());
                  }
                })
            .bind(new InetSocketAddress("127.0.0.1", 0))
            .sync()
            .channel();
    // Streams stopped by the outstanding-message window resume here once deliveries catch up.
    group.next().scheduleAtFixedRate(this::resumeWaiting, 1, 1, TimeUnit.MILLISECONDS);
  }

  /**
   * Bounds the messages sent but not yet delivered (as {@code delivered} counts them at the
   * receiving users) to {@code max} from now on. TCP back-pressure alone does not bound them: on
   * loopback the kernel's autotuned socket buffers hold megabytes per connection, and a server may
   * queue stanzas internally, so without this the driver would measure how fast it can fill buffers
   * rather than how fast the server delivers.
   */
  public void limitOutstanding(java.util.function.LongSupplier delivered, long max) {
    this.sentBase = sent.get();
    this.deliveredBase = delivered.getAsLong();
    this.delivered = delivered;
    this.maxOutstanding = max;
  }

  private boolean withinWindow() {
    return (sent.get() - sentBase) - (delivered.getAsLong() - deliveredBase) < maxOutstanding;
  }

  private void resumeWaiting() {
    for (OutboundStream stream;
        !waiting.isEmpty() && withinWindow() && (stream = waiting.poll()) != null; ) {
      stream.channel.eventLoop().execute(stream::pump);
    }
  }

  public String domain() {
    return domain;
  }

  /** The event loops, shared with helpers of the same run (DNS responder, c2s counters). */
  EventLoopGroup group() {
    return group;
  }

  /** Where the authoritative server for {@link #domain()} listens on 127.0.0.1. */
  public int authoritativePort() {
    return ((InetSocketAddress) listener.localAddress()).getPort();
  }

  /** Messages written to outbound streams so far. */
  public long sent() {
    return sent.get();
  }

  /** {@code <db:verify>} requests answered by the authoritative side so far. */
  public long verifiesAnswered() {
    return verifies.sum();
  }

  /** Stanzas the target sent back (bounces, errors): zero in a clean run. */
  public long stanzasReceived() {
    return inboundStanzas.sum();
  }

  /**
   * Opens one stream to {@code target} for {@code targetDomain}; completes when the target says
   * {@code <db:result type='valid'/>}, exceptionally on refusal, stream error or close.
   */
  public CompletableFuture<OutboundStream> open(InetSocketAddress target, String targetDomain) {
    OutboundStream stream = new OutboundStream(targetDomain);
    new Bootstrap()
        .group(group)
        .channel(NioSocketChannel.class)
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
        .option(
            ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(LOW_WATER, HIGH_WATER))
        .handler(
            new ChannelInitializer<SocketChannel>() {
              @Override
              protected void initChannel(SocketChannel ch) {
                ch.pipeline()
                    .addLast(
                        new StringEncoder(StandardCharsets.UTF_8), new XmppStreamDecoder(), stream);
              }
            })
        .connect(target)
        .addListener(
            (ChannelFutureListener)
                f -> {
                  if (!f.isSuccess()) {
                    stream.authenticated.completeExceptionally(f.cause());
                  }
                });
    return stream.authenticated;
  }

  @Override
  public void close() {
    listener.close().syncUninterruptibly();
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
  }

  private static boolean isDialback(XmlElement element, String name) {
    return element.name().equals(name) && element.namespace().equals(XmppNamespaces.DIALBACK);
  }

  private static String dialback(String name, String from, String to, String id, String type) {
    return XmppStreamWriter.element(
        XmlElement.builder(name, XmppNamespaces.DIALBACK)
            .attr("from", from)
            .attr("to", to)
            .attr("id", id)
            .attr("type", type)
            .build());
  }

  /** Answers {@code <db:verify>} for keys this driver generated, on whichever stream it comes. */
  private boolean answerVerify(ChannelHandlerContext ctx, XmlElement element) {
    if (!isDialback(element, "verify") || element.attribute("type").isPresent()) {
      return false;
    }
    String receiving = element.attribute("from").orElse("");
    String id = element.attribute("id").orElse("");
    boolean valid = keys.verify(receiving, domain, id, element.text());
    ctx.writeAndFlush(dialback("verify", domain, receiving, id, valid ? "valid" : "invalid"));
    verifies.increment();
    return true;
  }

  /**
   * The target connecting back to {@link #domain()}'s authoritative server. It may also send its
   * own {@code <db:result>} first (to be allowed to send to us over this stream): the bench trusts
   * loopback peers and accepts it at once, so the {@code <db:verify>} queued behind it flows.
   */
  private final class AuthoritativeStream extends SimpleChannelInboundHandler<XmppStreamEvent> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, XmppStreamEvent event) {
      if (event instanceof XmppStreamEvent.StreamOpened opened) {
        String header =
            XmppStreamWriter.streamHeader(
                domain, opened.attribute("from"), UUID.randomUUID().toString());
        String features =
            opened.attribute("version").isEmpty()
                ? ""
                : "<stream:features><dialback xmlns='urn:xmpp:features:dialback'/></stream:features>";
        ctx.writeAndFlush(header + features);
      } else if (event instanceof XmppStreamEvent.Stanza stanza) {
        XmlElement element = stanza.element();
        if (answerVerify(ctx, element)) {
          return;
        }
        if (isDialback(element, "result") && element.attribute("type").isEmpty()) {
          ctx.writeAndFlush(
              dialback("result", domain, element.attribute("from").orElse(""), null, "valid"));
        } else {
          inboundStanzas.increment();
        }
      } else {
        ctx.writeAndFlush(XmppStreamWriter.streamClose()).addListener(ChannelFutureListener.CLOSE);
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }

  /** One outbound stream: header, features, {@code <db:result>}, then messages on demand. */
  public final class OutboundStream extends SimpleChannelInboundHandler<XmppStreamEvent> {
    private final String targetDomain;
    private final CompletableFuture<OutboundStream> authenticated = new CompletableFuture<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private Channel channel;
    private String streamId;
    private byte[][] messages;
    private int next;
    private volatile boolean sending;
    private boolean resultSent;

    private OutboundStream(String targetDomain) {
      this.targetDomain = targetDomain;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
      channel = ctx.channel();
      ctx.writeAndFlush(XmppStreamWriter.streamHeader(domain, targetDomain, null));
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, XmppStreamEvent event) {
      if (event instanceof XmppStreamEvent.StreamOpened opened) {
        String id = opened.attribute("id");
        if (id.isEmpty()) {
          fail(ctx, "the target's stream header has no id");
        } else if (opened.attribute("version").isEmpty()) {
          sendResult(ctx, id); // pre-1.0 peer: no features will follow.
        } else {
          streamId = id;
        }
      } else if (event instanceof XmppStreamEvent.Stanza stanza) {
        onStanza(ctx, stanza.element());
      } else {
        ctx.close();
      }
    }

    private void onStanza(ChannelHandlerContext ctx, XmlElement element) {
      if (element.name().equals("features") && element.namespace().equals(STREAMS)) {
        if (element
            .child("starttls", "urn:ietf:params:xml:ns:xmpp-tls")
            .flatMap(t -> t.child("required", "urn:ietf:params:xml:ns:xmpp-tls"))
            .isPresent()) {
          fail(ctx, "the target requires STARTTLS; the driver speaks plain dialback only");
        } else if (!resultSent) {
          sendResult(ctx, streamId);
        }
      } else if (isDialback(element, "result")) {
        if ("valid".equals(element.attribute("type").orElse(""))) {
          authenticated.complete(this);
        } else {
          fail(ctx, "dialback refused: " + element);
        }
      } else if (element.name().equals("error") && element.namespace().equals(STREAMS)) {
        fail(ctx, "stream error: " + element);
      } else if (!answerVerify(ctx, element)) {
        inboundStanzas.increment();
      }
    }

    private void sendResult(ChannelHandlerContext ctx, String streamId) {
      resultSent = true;
      String key = keys.generate(targetDomain, domain, streamId);
      ctx.writeAndFlush(
          XmppStreamWriter.element(
              XmlElement.builder("result", XmppNamespaces.DIALBACK)
                  .attr("from", domain)
                  .attr("to", targetDomain)
                  .text(key)
                  .build()));
    }

    private void fail(ChannelHandlerContext ctx, String why) {
      authenticated.completeExceptionally(new IllegalStateException(why));
      ctx.close();
    }

    /**
     * Starts pushing chat messages from {@code u@<domain>} to {@code recipients} (bare JIDs, taken
     * in turn) until {@link #stopSending()} or {@link #close()}.
     */
    public void startSending(List<String> recipients, String body) {
      byte[][] encoded = new byte[recipients.size()][];
      for (int i = 0; i < encoded.length; i++) {
        encoded[i] =
            XmppStreamWriter.element(
                    XmlElement.builder("message", XmppNamespaces.SERVER)
                        .attr("from", "u@" + domain + "/bench")
                        .attr("to", recipients.get(i))
                        .attr("type", "chat")
                        .child(XmlElement.builder("body", XmppNamespaces.SERVER).text(body))
                        .build())
                .getBytes(StandardCharsets.UTF_8);
      }
      channel
          .eventLoop()
          .execute(
              () -> {
                messages = encoded;
                sending = true;
                pump();
              });
    }

    public void stopSending() {
      sending = false;
    }

    /** Writes until the outstanding bytes reach the high-water mark, then waits for a drain. */
    private void pump() {
      boolean wrote = false;
      while (sending && channel.isActive() && channel.isWritable()) {
        if (!withinWindow()) {
          waiting.add(this);
          break;
        }
        channel.write(Unpooled.wrappedBuffer(messages[next]), channel.voidPromise());
        next = next + 1 == messages.length ? 0 : next + 1;
        sent.incrementAndGet();
        wrote = true;
      }
      if (wrote) {
        channel.flush();
      }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
      if (ctx.channel().isWritable()) {
        pump();
      }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      sending = false;
      authenticated.completeExceptionally(
          new IllegalStateException("the target closed the stream"));
      closed.complete(null);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      authenticated.completeExceptionally(cause);
      ctx.close();
    }

    /** Ends the stream ({@code </stream:stream>}) and the connection; completes once closed. */
    public CompletableFuture<Void> close() {
      sending = false;
      if (channel == null) {
        return CompletableFuture.completedFuture(null);
      }
      channel
          .eventLoop()
          .execute(
              () -> {
                // Closed at once, not after the write: behind a full send buffer it could wait
                // for a target that has stopped reading.
                channel.writeAndFlush(XmppStreamWriter.streamClose());
                channel.close();
              });
      return closed;
    }
  }

  private static final String STREAMS = XmppNamespaces.STREAMS;
}
