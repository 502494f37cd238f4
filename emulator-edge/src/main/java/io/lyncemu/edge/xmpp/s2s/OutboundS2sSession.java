package io.lyncemu.edge.xmpp.s2s;

import io.lyncemu.core.federation.Negotiation;
import io.lyncemu.core.federation.XmppAllowedPartner;
import io.lyncemu.edge.xmpp.XmppDeliveryException;
import io.lyncemu.edge.xmpp.stream.StreamErrorCondition;
import io.lyncemu.edge.xmpp.stream.XmlElement;
import io.lyncemu.edge.xmpp.stream.XmppNamespaces;
import io.lyncemu.edge.xmpp.stream.XmppStreamDecoder;
import io.lyncemu.edge.xmpp.stream.XmppStreamEvent;
import io.lyncemu.edge.xmpp.stream.XmppStreamEvent.Stanza;
import io.lyncemu.edge.xmpp.stream.XmppStreamEvent.StreamClosed;
import io.lyncemu.edge.xmpp.stream.XmppStreamEvent.StreamOpened;
import io.lyncemu.edge.xmpp.stream.XmppStreamException;
import io.lyncemu.edge.xmpp.stream.XmppStreamWriter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stream the Edge opens to a partner: header, STARTTLS when offered and allowed, then SASL
 * EXTERNAL or dialback (originating role), then stanzas. Purpose {@link Purpose#AUTHENTICATE}
 * carries traffic and is reused; {@link Purpose#VERIFY} exists only to ask the partner's
 * authoritative server one {@code db:verify} (XEP-0220 §2.1.2) and closes after the answer.
 *
 * <p>{@link #send} may be called from any thread; everything else runs on the channel's loop.
 */
@io.netty.channel.ChannelHandler.Sharable // one session may be dialled twice: see retryWithoutTls
final class OutboundS2sSession extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(OutboundS2sSession.class);
  private static final String DIRECTION = "outbound";

  enum Purpose {
    AUTHENTICATE,
    VERIFY
  }

  /** What {@link Purpose#VERIFY} asks: the key a partner showed us on its stream {@code id}. */
  record VerifyRequest(String streamId, String key) {}

  private record Pending(XmlElement stanza, CompletableFuture<Void> written) {}

  private final S2sContext context;
  private final String local;
  private final String remote;
  private final XmppAllowedPartner partner;
  private final Purpose purpose;
  private final VerifyRequest verifyRequest;

  /** Completes when the stream is authenticated (or the verify answer came). */
  final CompletableFuture<Void> established = new CompletableFuture<>();

  final CompletableFuture<DialbackVerdict> verdict = new CompletableFuture<>();

  private final Deque<Pending> queue = new ArrayDeque<>();
  private volatile Channel channel;
  private volatile boolean ready;
  private volatile XmppDeliveryException failure;
  private ChannelHandlerContext ctx;
  private String streamId = "";
  private boolean secure;
  private boolean saslDone;
  private boolean saslFailed;
  private String connection = "";
  private String peer = "";
  private AutoCloseable netstatRow;
  private ScheduledFuture<?> timer;

  /**
   * Set after a failed TLS handshake with a partner whose TlsNegotiation is not Required: the
   * session dials again and ignores {@code <starttls/>} (RFC 6120 §5.4.3.2 lets the initiator retry
   * without TLS). Prosody without a certificate of its own still offers STARTTLS and then fails the
   * handshake with "no shared cipher"; this is what keeps dialback working with it.
   */
  private volatile boolean withoutTls;

  OutboundS2sSession(
      S2sContext context,
      String local,
      String remote,
      XmppAllowedPartner partner,
      Purpose purpose,
      VerifyRequest verifyRequest) {
    this.context = context;
    this.local = local;
    this.remote = remote;
    this.partner = partner;
    this.purpose = purpose;
    this.verifyRequest = verifyRequest;
  }

  String remote() {
    return remote;
  }

  XmppAllowedPartner partner() {
    return partner;
  }

  boolean isUsable() {
    return failure == null && (channel == null || channel.isActive());
  }

  /**
   * Queues or writes {@code stanza}; the future completes once it is on an authenticated stream.
   */
  CompletableFuture<Void> send(XmlElement stanza) {
    CompletableFuture<Void> written = new CompletableFuture<>();
    synchronized (queue) {
      if (failure != null) {
        written.completeExceptionally(failure);
        return written;
      }
      if (!ready) {
        queue.add(new Pending(stanza, written));
        return written;
      }
    }
    write(stanza, written);
    return written;
  }

  private void write(XmlElement stanza, CompletableFuture<Void> written) {
    Channel ch = channel;
    ch.writeAndFlush(text(XmppStreamWriter.element(stanza)))
        .addListener(
            f -> {
              if (f.isSuccess()) {
                context.journal.stanza(connection, peer, DIRECTION, stanza);
                written.complete(null);
              } else {
                written.completeExceptionally(
                    new XmppDeliveryException(
                        "remote-server-timeout", "the stream to " + remote + " broke"));
              }
            });
  }

  /** Called once the TCP connection is up; the handlers are already in the pipeline. */
  void connected(Channel ch) {
    InboundS2sSession.closeQuietly(netstatRow);
    streamId = "";
    secure = false;
    saslDone = false;
    saslFailed = false;
    channel = ch;
    connection = ch.id().asShortText();
    InetSocketAddress remoteAddress = (InetSocketAddress) ch.remoteAddress();
    peer = remoteAddress.getHostString() + ":" + remoteAddress.getPort();
    netstatRow =
        context
            .config
            .connections()
            .established(
                XmppEdgeConfig.OWNER, (InetSocketAddress) ch.localAddress(), remoteAddress);
    sendHeader(ch);
  }

  /** Arms the StreamEstablishmentTimeout for the whole attempt, DNS and connect included. */
  void armTimer(io.netty.channel.EventLoop loop) {
    long seconds = context.gateway().streamEstablishmentTimeout();
    timer =
        loop.schedule(
            () ->
                fail(
                    new XmppDeliveryException(
                        "remote-server-timeout",
                        "no authenticated stream to " + remote + " within " + seconds + " s"),
                    StreamErrorCondition.CONNECTION_TIMEOUT),
            seconds,
            TimeUnit.SECONDS);
  }

  private void sendHeader(Channel ch) {
    ch.writeAndFlush(text(XmppStreamWriter.streamHeader(local, remote, null)));
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    InboundS2sSession.closeQuietly(netstatRow);
    context.journal.closed(connection, peer, DIRECTION, failure == null ? "closed" : "failed");
    fail(
        new XmppDeliveryException(
            "remote-server-not-found", "the partner " + remote + " closed the stream"),
        null);
    ctx.fireChannelInactive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof XmppStreamEvent event)) {
      return;
    }
    if (event instanceof StreamOpened header) {
      streamId = header.attribute("id");
      context.journal.opened(connection, peer, DIRECTION, local, remote);
      if (header.attribute("version").isEmpty()) {
        // A pre-RFC 3920 server sends no features: dialback is all it knows.
        onFeatures(XmlElement.empty("features", XmppNamespaces.STREAMS));
      }
    } else if (event instanceof StreamClosed) {
      ctx.writeAndFlush(text(XmppStreamWriter.streamClose()))
          .addListener(ChannelFutureListener.CLOSE);
    } else if (event instanceof Stanza stanza) {
      onElement(stanza.element());
    }
  }

  private void onElement(XmlElement e) {
    String ns = e.namespace();
    switch (ns + " " + e.name()) {
      case XmppNamespaces.STREAMS + " features" -> onFeatures(e);
      case XmppNamespaces.STREAMS + " error" -> onStreamError(e);
      case XmppNamespaces.TLS + " proceed" -> onProceed();
      case XmppNamespaces.TLS + " failure" ->
          fail(policy("the partner " + remote + " refused STARTTLS"), null);
      case XmppNamespaces.SASL + " success" -> {
        saslDone = true;
        context.journal.dialback(
            connection, peer, DIRECTION, "sasl-external", local, remote, "success");
        decoder().reset();
        sendHeader(channel);
      }
      case XmppNamespaces.SASL + " failure" -> {
        saslFailed = true;
        startDialbackOrFail();
      }
      case XmppNamespaces.DIALBACK + " result" -> onDialbackResult(e);
      case XmppNamespaces.DIALBACK + " verify" -> onVerifyAnswer(e);
      default -> LOG.debug("ignoring <{} xmlns='{}'> on the stream to {}", e.name(), ns, remote);
    }
  }

  private void onFeatures(XmlElement features) {
    var starttls = features.child("starttls", XmppNamespaces.TLS);
    boolean tlsRequiredByPeer =
        starttls.flatMap(s -> s.child("required", XmppNamespaces.TLS)).isPresent();
    if (!secure) {
      if (starttls.isPresent()
          && partner.tlsNegotiation() != Negotiation.NOT_SUPPORTED
          && !withoutTls) {
        channel.writeAndFlush(
            text(XmppStreamWriter.element(XmlElement.empty("starttls", XmppNamespaces.TLS))));
        return;
      }
      if (tlsRequiredByPeer) {
        fail(
            policy(
                "the partner " + remote + " requires TLS but its TlsNegotiation is NotSupported"),
            StreamErrorCondition.POLICY_VIOLATION);
        return;
      }
      if (partner.tlsNegotiation() == Negotiation.REQUIRED) {
        fail(
            policy(
                "the partner "
                    + remote
                    + " does not offer STARTTLS but its TlsNegotiation is Required"),
            StreamErrorCondition.POLICY_VIOLATION);
        return;
      }
    }
    if (purpose == Purpose.VERIFY) {
      channel.writeAndFlush(
          text(
              XmppStreamWriter.element(
                  XmlElement.builder("verify", XmppNamespaces.DIALBACK)
                      .attr("from", local)
                      .attr("to", remote)
                      .attr("id", verifyRequest.streamId())
                      .text(verifyRequest.key())
                      .build())));
      return;
    }
    if (saslDone) {
      becomeReady();
      return;
    }
    boolean external =
        features
            .child("mechanisms", XmppNamespaces.SASL)
            .map(m -> m.children().stream().anyMatch(c -> c.text().trim().equals("EXTERNAL")))
            .orElse(false);
    if (secure
        && external
        && !saslFailed
        && partner.saslNegotiation() != Negotiation.NOT_SUPPORTED) {
      String authzid = Base64.getEncoder().encodeToString(local.getBytes(StandardCharsets.UTF_8));
      channel.writeAndFlush(
          text(
              XmppStreamWriter.element(
                  XmlElement.builder("auth", XmppNamespaces.SASL)
                      .attr("mechanism", "EXTERNAL")
                      .text(authzid)
                      .build())));
      return;
    }
    startDialbackOrFail();
  }

  private void startDialbackOrFail() {
    if (partner.saslNegotiation() == Negotiation.REQUIRED) {
      fail(
          policy(
              "SASL EXTERNAL with "
                  + remote
                  + " failed or was not offered (SaslNegotiation Required)"),
          StreamErrorCondition.POLICY_VIOLATION);
      return;
    }
    if (!partner.supportDialbackNegotiation()) {
      fail(
          policy("no authentication method in common with " + remote + " (dialback is off)"),
          StreamErrorCondition.POLICY_VIOLATION);
      return;
    }
    String key = context.keys.key(remote, local, streamId);
    context.journal.dialback(connection, peer, DIRECTION, "result", local, remote, "sent");
    channel.writeAndFlush(
        text(
            XmppStreamWriter.element(
                XmlElement.builder("result", XmppNamespaces.DIALBACK)
                    .attr("from", local)
                    .attr("to", remote)
                    .text(key)
                    .build())));
  }

  private void onProceed() {
    SslHandler handler =
        context
            .tls
            .client()
            .newHandler(
                channel.alloc(), remote, ((InetSocketAddress) channel.remoteAddress()).getPort());
    ctx.pipeline().addFirst("tls", handler);
    decoder().reset();
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof SslHandshakeCompletionEvent done) {
      if (done.isSuccess()) {
        secure = true;
        sendHeader(channel);
      } else if (!withoutTls && partner.tlsNegotiation() != Negotiation.REQUIRED) {
        withoutTls = true;
        context.journal.error(
            connection, peer, DIRECTION, "tls-handshake", done.cause() + "; retrying without TLS");
        Channel old = channel;
        old.pipeline().remove(this);
        InboundS2sSession.closeQuietly(netstatRow);
        netstatRow = null;
        channel = null; // usable again until the new connection is up
        old.close();
        context.connector.dial(this);
      } else {
        fail(
            new XmppDeliveryException(
                "remote-server-not-found",
                "TLS handshake with " + remote + " failed: " + done.cause()),
            null);
      }
    } else if (evt instanceof IdleStateEvent idle) {
      if (idle.state() == io.netty.handler.timeout.IdleState.WRITER_IDLE && ready) {
        ctx.writeAndFlush(text(" ")); // whitespace keep-alive (RFC 6120 §4.6.1)
      } else if (idle.state() == io.netty.handler.timeout.IdleState.ALL_IDLE) {
        // StreamInactivityTimeout: a graceful close; the next stanza opens a new stream.
        failure = new XmppDeliveryException("remote-server-timeout", "idle stream closed");
        ctx.writeAndFlush(text(XmppStreamWriter.streamClose()))
            .addListener(ChannelFutureListener.CLOSE);
      }
    }
    ctx.fireUserEventTriggered(evt);
  }

  private void onDialbackResult(XmlElement result) {
    String type = result.attribute("type").orElse("");
    context.journal.dialback(connection, peer, DIRECTION, "result", local, remote, type);
    switch (type) {
      case "valid" -> becomeReady();
      case "invalid" ->
          fail(
              new XmppDeliveryException(
                  "not-authorized", remote + " did not accept our dialback key"),
              null);
      default ->
          fail(
              new XmppDeliveryException(
                  "remote-server-not-found",
                  remote + " answered dialback with an error: " + conditionOf(result)),
              null);
    }
  }

  private void onVerifyAnswer(XmlElement answer) {
    String type = answer.attribute("type").orElse("");
    DialbackVerdict v =
        switch (type) {
          case "valid" -> DialbackVerdict.VALID;
          case "invalid" -> DialbackVerdict.INVALID;
          default -> DialbackVerdict.ERROR;
        };
    context.journal.dialback(connection, peer, DIRECTION, "verify-request", remote, local, type);
    verdict.complete(v);
    established.complete(null);
    cancelTimer();
    channel
        .writeAndFlush(text(XmppStreamWriter.streamClose()))
        .addListener(ChannelFutureListener.CLOSE);
  }

  private void onStreamError(XmlElement error) {
    String condition = conditionOf(error);
    context.journal.error(
        connection,
        peer,
        DIRECTION,
        condition,
        error.child("text", XmppNamespaces.STREAM_ERRORS).map(XmlElement::text).orElse(""));
    String stanzaCondition =
        switch (condition) {
          case "connection-timeout" -> "remote-server-timeout";
          case "not-authorized", "policy-violation" -> condition;
          default -> "remote-server-not-found";
        };
    fail(
        new XmppDeliveryException(
            stanzaCondition, remote + " closed the stream with <" + condition + "/>"),
        null);
  }

  private static String conditionOf(XmlElement element) {
    for (XmlElement child : element.children()) {
      if (!child.name().equals("text") && !child.children().isEmpty()) {
        return conditionOf(child);
      }
      if (!child.name().equals("text")) {
        return child.name();
      }
    }
    return "undefined-condition";
  }

  private void becomeReady() {
    cancelTimer();
    long keepAlive = partner.enableKeepAlive() ? context.gateway().keepAliveInterval() : 0;
    ctx.pipeline()
        .replace(
            "idle",
            "idle",
            new IdleStateHandler(
                0, keepAlive, context.gateway().streamInactivityTimeout(), TimeUnit.SECONDS));
    Deque<Pending> flush;
    synchronized (queue) {
      ready = true;
      flush = new ArrayDeque<>(queue);
      queue.clear();
    }
    established.complete(null);
    flush.forEach(p -> write(p.stanza(), p.written()));
  }

  /**
   * Fails the attempt and every queued stanza; closes the channel, with a stream error if given.
   */
  void fail(XmppDeliveryException error, StreamErrorCondition streamError) {
    Deque<Pending> dropped;
    synchronized (queue) {
      if (failure == null) {
        failure = error;
      }
      ready = false;
      dropped = new ArrayDeque<>(queue);
      queue.clear();
    }
    cancelTimer();
    established.completeExceptionally(error);
    verdict.complete(DialbackVerdict.ERROR);
    dropped.forEach(p -> p.written().completeExceptionally(error));
    context.connector.forget(this);
    Channel ch = channel;
    if (ch != null && ch.isActive()) {
      if (streamError != null) {
        context.journal.error(
            connection, peer, DIRECTION, streamError.wireName(), error.getMessage());
        ch.writeAndFlush(text(XmppStreamWriter.streamError(streamError, error.getMessage())))
            .addListener(ChannelFutureListener.CLOSE);
      } else {
        ch.close();
      }
    }
  }

  private static XmppDeliveryException policy(String text) {
    return new XmppDeliveryException("policy-violation", text);
  }

  private void cancelTimer() {
    if (timer != null) {
      timer.cancel(false);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof XmppStreamException bad) {
      fail(
          new XmppDeliveryException(
              "remote-server-not-found", remote + " sent bad XML: " + bad.getMessage()),
          bad.condition());
    } else {
      LOG.debug("outbound s2s stream to {} failed: {}", remote, cause.toString());
      fail(new XmppDeliveryException("remote-server-not-found", cause.toString()), null);
    }
  }

  private XmppStreamDecoder decoder() {
    return ctx.pipeline().get(XmppStreamDecoder.class);
  }

  private static ByteBuf text(String s) {
    return Unpooled.copiedBuffer(s, StandardCharsets.UTF_8);
  }
}
