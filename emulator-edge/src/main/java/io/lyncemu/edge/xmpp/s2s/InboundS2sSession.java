package io.lyncemu.edge.xmpp.s2s;

import io.lyncemu.core.fault.Fault;
import io.lyncemu.core.federation.Negotiation;
import io.lyncemu.core.federation.XmppAllowedPartner;
import io.lyncemu.core.topology.Topology;
import io.lyncemu.core.topology.User;
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
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One stream a partner opened to our 5269: header, features as the partner's settings demand,
 * STARTTLS, SASL EXTERNAL, dialback (receiving role for {@code db:result}, authoritative role for
 * {@code db:verify}) and then stanzas for the inside. Every refusal is a stream error followed by
 * the close, so the partner always learns why. Runs on the channel's event loop only.
 */
final class InboundS2sSession extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(InboundS2sSession.class);
  static final String DIALBACK_FEATURE = "urn:xmpp:features:dialback";
  private static final String PING = "urn:xmpp:ping";
  private static final String DIRECTION = "inbound";

  private final S2sContext context;
  private ChannelHandlerContext ctx;
  private String connection = "";
  private String peer = "";
  private AutoCloseable netstatRow;
  private ScheduledFuture<?> establishmentTimer;

  private String streamId;
  private boolean headerSent;
  private boolean secure;
  private List<Certificate> peerChain = List.of();
  private String localDomain = "";
  private String declaredFrom = "";
  private XmppAllowedPartner partner;
  private boolean countedAny;
  private final Set<XmppAllowedPartner> counted = new LinkedHashSet<>();
  private final Set<String> authenticated = new LinkedHashSet<>();
  private boolean closing;

  InboundS2sSession(S2sContext context) {
    this.context = context;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    this.ctx = ctx;
    connection = ctx.channel().id().asShortText();
    InetSocketAddress remote = (InetSocketAddress) ctx.channel().remoteAddress();
    peer = remote.getHostString() + ":" + remote.getPort();
    netstatRow =
        context
            .config
            .connections()
            .established(
                XmppEdgeConfig.OWNER, (InetSocketAddress) ctx.channel().localAddress(), remote);
    long seconds = context.gateway().streamEstablishmentTimeout();
    // A partner that never authenticates (a slow loris, or one stuck in dialback) is cut off.
    establishmentTimer =
        ctx.executor()
            .schedule(
                () -> {
                  if (authenticated.isEmpty()) {
                    streamError(
                        StreamErrorCondition.CONNECTION_TIMEOUT,
                        "the stream was not authenticated within " + seconds + " s");
                  }
                },
                seconds,
                TimeUnit.SECONDS);
    ctx.fireChannelActive();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (establishmentTimer != null) {
      establishmentTimer.cancel(false);
    }
    counted.forEach(context::releaseInbound);
    counted.clear();
    if (countedAny) {
      context.releaseAny();
      countedAny = false;
    }
    closeQuietly(netstatRow);
    context.journal.closed(connection, peer, DIRECTION, closing ? "closed by us" : "peer closed");
    ctx.fireChannelInactive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (closing || !(msg instanceof XmppStreamEvent event)) {
      return;
    }
    if (event instanceof StreamOpened header) {
      onHeader(header);
    } else if (event instanceof Stanza stanza) {
      onElement(stanza.element());
    } else if (event instanceof StreamClosed) {
      closing = true;
      ctx.writeAndFlush(text(XmppStreamWriter.streamClose()))
          .addListener(ChannelFutureListener.CLOSE);
    }
  }

  // ---- stream header and features

  private void onHeader(StreamOpened header) {
    streamId = StreamIds.next();
    String to = header.attribute("to").toLowerCase(Locale.ROOT);
    String from = header.attribute("from").toLowerCase(Locale.ROOT);
    localDomain = context.config.isLocal(to) ? to : context.config.localDomains().get(0);
    if (!XmppNamespaces.SERVER.equals(header.namespaces().get(""))) {
      streamError(
          StreamErrorCondition.INVALID_NAMESPACE,
          "the default namespace of a server-to-server stream must be " + XmppNamespaces.SERVER);
      return;
    }
    if (!context.config.isLocal(to)) {
      streamError(
          StreamErrorCondition.HOST_UNKNOWN,
          (to.isEmpty() ? "the stream header has no 'to'" : to + " is not served here")
              + "; this Edge serves "
              + String.join(", ", context.config.localDomains()));
      return;
    }
    if (!countedAny) {
      if (!context.acquireAny()) {
        streamError(
            StreamErrorCondition.RESOURCE_CONSTRAINT,
            "the XMPP gateway's ConnectionLimit of "
                + context.gateway().connectionLimit()
                + " streams is reached");
        return;
      }
      countedAny = true;
    }
    if (!from.isEmpty()) {
      Optional<XmppAllowedPartner> allowed = context.partnerFor(from);
      if (allowed.isEmpty()) {
        streamError(
            StreamErrorCondition.POLICY_VIOLATION,
            from + " is not an allowed XMPP partner of " + localDomain);
        return;
      }
      if (!count(allowed.get())) {
        return;
      }
      partner = allowed.get();
      declaredFrom = from;
    }
    sendHeader(from.isEmpty() ? null : from);
    context.journal.opened(connection, peer, DIRECTION, from, to);
    ctx.writeAndFlush(text(XmppStreamWriter.element(features())));
  }

  private boolean count(XmppAllowedPartner p) {
    if (counted.contains(p)) {
      return true;
    }
    if (!context.acquireInbound(p)) {
      int limit = Math.min(p.connectionLimit(), context.gateway().partnerConnectionLimit());
      streamError(
          StreamErrorCondition.POLICY_VIOLATION,
          "partner " + p.identity() + " already has " + limit + " streams open (the limit)");
      return false;
    }
    counted.add(p);
    return true;
  }

  private void sendHeader(String to) {
    headerSent = true;
    ctx.write(text(XmppStreamWriter.streamHeader(localDomain, to, streamId)));
  }

  private XmlElement features() {
    XmlElement.Builder features = XmlElement.builder("features", XmppNamespaces.STREAMS);
    Negotiation tlsPolicy = partner == null ? Negotiation.OPTIONAL : partner.tlsNegotiation();
    if (!secure && tlsPolicy != Negotiation.NOT_SUPPORTED) {
      XmlElement.Builder starttls = XmlElement.builder("starttls", XmppNamespaces.TLS);
      if (tlsPolicy == Negotiation.REQUIRED) {
        starttls.child(XmlElement.empty("required", XmppNamespaces.TLS));
        // Until TLS is up, STARTTLS is the only thing on offer (RFC 6120 §5.3.1).
        return features.child(starttls).build();
      }
      features.child(starttls);
    }
    if (secure
        && partner != null
        && partner.saslNegotiation() != Negotiation.NOT_SUPPORTED
        && !authenticated.contains(declaredFrom)
        && context.tls.verifiedFor(peerChain, declaredFrom)) {
      features.child(
          XmlElement.builder("mechanisms", XmppNamespaces.SASL)
              .child(XmlElement.builder("mechanism", XmppNamespaces.SASL).text("EXTERNAL")));
    }
    if (partner == null || partner.supportDialbackNegotiation()) {
      features.child(
          XmlElement.builder("dialback", DIALBACK_FEATURE)
              .child(XmlElement.empty("errors", DIALBACK_FEATURE)));
    }
    return features.build();
  }

  // ---- first-level elements

  private void onElement(XmlElement element) {
    String ns = element.namespace();
    String name = element.name();
    if (ns.equals(XmppNamespaces.TLS) && name.equals("starttls")) {
      onStartTls();
    } else if (ns.equals(XmppNamespaces.SASL) && name.equals("auth")) {
      onSaslAuth(element);
    } else if (ns.equals(XmppNamespaces.SASL) && name.equals("abort")) {
      ctx.writeAndFlush(text(saslFailure("aborted")));
    } else if (ns.equals(XmppNamespaces.DIALBACK) && name.equals("result")) {
      onDialbackResult(element);
    } else if (ns.equals(XmppNamespaces.DIALBACK) && name.equals("verify")) {
      onDialbackVerify(element);
    } else if (ns.equals(XmppNamespaces.STREAMS) && name.equals("error")) {
      // The partner gives up on this stream (e.g. Prosody after a dialback error): note why and
      // close our side too, without an error of our own.
      closing = true;
      context.journal.error(
          connection, peer, DIRECTION, "peer:" + conditionOf(element), "sent by the partner");
      ctx.writeAndFlush(text(XmppStreamWriter.streamClose()))
          .addListener(ChannelFutureListener.CLOSE);
    } else if (ns.equals(XmppNamespaces.SERVER)
        && (name.equals("message") || name.equals("presence") || name.equals("iq"))) {
      onStanza(element);
    } else {
      streamError(
          StreamErrorCondition.UNSUPPORTED_STANZA_TYPE,
          "<" + name + " xmlns='" + ns + "'> is not understood on a server-to-server stream");
    }
  }

  private void onStartTls() {
    if (secure || partner == null || partner.tlsNegotiation() == Negotiation.NOT_SUPPORTED) {
      // RFC 6120 §5.4.2.2: failure, then close the stream and the connection.
      closing = true;
      context.journal.error(
          connection,
          peer,
          DIRECTION,
          "tls-failure",
          secure ? "TLS is already on" : "TlsNegotiation is NotSupported for " + declaredFrom);
      ctx.writeAndFlush(
              text(
                  XmppStreamWriter.element(XmlElement.empty("failure", XmppNamespaces.TLS))
                      + XmppStreamWriter.streamClose()))
          .addListener(ChannelFutureListener.CLOSE);
      return;
    }
    // startTls=true: the <proceed/> below still goes out in clear, everything after is TLS.
    SslHandler handler = new SslHandler(context.tls.server().newEngine(ctx.alloc()), true);
    ctx.pipeline().addFirst("tls", handler);
    ctx.writeAndFlush(
        text(XmppStreamWriter.element(XmlElement.empty("proceed", XmppNamespaces.TLS))));
    decoder().reset();
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof SslHandshakeCompletionEvent done) {
      if (done.isSuccess()) {
        secure = true;
        try {
          SslHandler handler = ctx.pipeline().get(SslHandler.class);
          peerChain = List.of(handler.engine().getSession().getPeerCertificates());
        } catch (SSLPeerUnverifiedException noClientCertificate) {
          peerChain = List.of();
        }
      } else {
        context.journal.error(
            connection, peer, DIRECTION, "tls-handshake", done.cause().toString());
        closing = true;
        ctx.close();
      }
    } else if (evt instanceof IdleStateEvent) {
      streamError(
          StreamErrorCondition.CONNECTION_TIMEOUT,
          "no traffic for "
              + context.gateway().streamInactivityTimeout()
              + " s (StreamInactivityTimeout)");
    }
    ctx.fireUserEventTriggered(evt);
  }

  private void onSaslAuth(XmlElement auth) {
    if (!"EXTERNAL".equals(auth.attribute("mechanism").orElse(""))) {
      ctx.writeAndFlush(text(saslFailure("invalid-mechanism")));
      return;
    }
    String authzid = auth.text().trim();
    String identity;
    if (authzid.isEmpty() || authzid.equals("=")) {
      identity = declaredFrom;
    } else {
      try {
        identity =
            new String(Base64.getDecoder().decode(authzid), StandardCharsets.UTF_8)
                .toLowerCase(Locale.ROOT);
      } catch (IllegalArgumentException e) {
        ctx.writeAndFlush(text(saslFailure("incorrect-encoding")));
        return;
      }
    }
    boolean allowed =
        secure
            && partner != null
            && partner.saslNegotiation() != Negotiation.NOT_SUPPORTED
            && identity.equals(declaredFrom)
            && context.tls.verifiedFor(peerChain, identity);
    if (!allowed) {
      ctx.writeAndFlush(text(saslFailure("not-authorized")));
      return;
    }
    authenticated.add(identity);
    establishmentTimer.cancel(false);
    context.journal.dialback(
        connection, peer, DIRECTION, "sasl-external", identity, localDomain, "success");
    ctx.writeAndFlush(
        text(XmppStreamWriter.element(XmlElement.empty("success", XmppNamespaces.SASL))));
    decoder().reset(); // RFC 6120 §6.4.6: the initiator restarts the stream
  }

  private static String saslFailure(String condition) {
    return XmppStreamWriter.element(
        XmlElement.builder("failure", XmppNamespaces.SASL)
            .child(XmlElement.empty(condition, XmppNamespaces.SASL))
            .build());
  }

  // ---- dialback

  private void onDialbackResult(XmlElement result) {
    String from = result.attribute("from").orElse("").toLowerCase(Locale.ROOT);
    String to = result.attribute("to").orElse("").toLowerCase(Locale.ROOT);
    String key = result.text().trim();
    if (!context.config.isLocal(to)) {
      ctx.writeAndFlush(text(dialbackError("result", to, from, null, "item-not-found")));
      return;
    }
    Optional<XmppAllowedPartner> allowed = context.partnerFor(from);
    if (from.isEmpty() || allowed.isEmpty()) {
      ctx.writeAndFlush(text(dialbackError("result", to, from, null, "forbidden")));
      return;
    }
    XmppAllowedPartner p = allowed.get();
    if (!secure && p.tlsNegotiation() == Negotiation.REQUIRED) {
      streamError(
          StreamErrorCondition.POLICY_VIOLATION,
          "TLS is required for partner " + p.identity() + " (TlsNegotiation Required)");
      return;
    }
    if (!p.supportDialbackNegotiation() || p.saslNegotiation() == Negotiation.REQUIRED) {
      streamError(
          StreamErrorCondition.POLICY_VIOLATION,
          (p.supportDialbackNegotiation()
                  ? "SASL is required for partner "
                  : "dialback is not allowed for partner ")
              + p.identity());
      return;
    }
    if (!count(p)) {
      return;
    }
    if (partner == null) {
      partner = p;
    }
    String id = streamId;
    context.journal.dialback(connection, peer, DIRECTION, "verify-request", from, to, "pending");
    context
        .connector
        .verify(to, from, id, key, p)
        .whenComplete(
            (verdict, failure) ->
                ctx.executor()
                    .execute(() -> onVerdict(from, to, failure == null ? verdict : null)));
  }

  /** The authoritative server's answer to our db:verify; null when it could not be asked. */
  private void onVerdict(String from, String to, DialbackVerdict verdict) {
    if (closing || !ctx.channel().isActive()) {
      return;
    }
    if (verdict == null || verdict == DialbackVerdict.ERROR) {
      context.journal.dialback(connection, peer, DIRECTION, "result", from, to, "error");
      ctx.writeAndFlush(text(dialbackError("result", to, from, null, "remote-connection-failed")));
      return;
    }
    boolean valid = verdict == DialbackVerdict.VALID;
    context.journal.dialback(
        connection, peer, DIRECTION, "result", from, to, valid ? "valid" : "invalid");
    XmlElement answer =
        XmlElement.builder("result", XmppNamespaces.DIALBACK)
            .attr("from", to)
            .attr("to", from)
            .attr("type", valid ? "valid" : "invalid")
            .build();
    if (valid) {
      authenticated.add(from);
      establishmentTimer.cancel(false);
      ctx.writeAndFlush(text(XmppStreamWriter.element(answer)));
    } else {
      ctx.write(text(XmppStreamWriter.element(answer)));
      streamError(
          StreamErrorCondition.NOT_AUTHORIZED,
          "the dialback key presented for " + from + " is not valid");
    }
  }

  private void onDialbackVerify(XmlElement verify) {
    String receiving = verify.attribute("from").orElse("").toLowerCase(Locale.ROOT);
    String originating = verify.attribute("to").orElse("").toLowerCase(Locale.ROOT);
    String id = verify.attribute("id").orElse("");
    if (!context.config.isLocal(originating)) {
      ctx.writeAndFlush(
          text(dialbackError("verify", originating, receiving, id, "item-not-found")));
      return;
    }
    Optional<Fault> fault = context.faults.at(S2sFaults.DIALBACK_VERIFY);
    if (fault.isPresent() && !(fault.get() instanceof Fault.RespondWith)) {
      return; // no answer: the receiving server's establishment timer decides
    }
    boolean valid =
        fault.isEmpty() && context.keys.matches(receiving, originating, id, verify.text());
    context.journal.dialback(
        connection, peer, DIRECTION, "verify", originating, receiving, valid ? "valid" : "invalid");
    ctx.writeAndFlush(
        text(
            XmppStreamWriter.element(
                XmlElement.builder("verify", XmppNamespaces.DIALBACK)
                    .attr("from", originating)
                    .attr("to", receiving)
                    .attr("id", id)
                    .attr("type", valid ? "valid" : "invalid")
                    .build())));
  }

  private static String dialbackError(
      String name, String from, String to, String id, String condition) {
    return XmppStreamWriter.element(
        XmlElement.builder(name, XmppNamespaces.DIALBACK)
            .attr("from", from.isEmpty() ? null : from)
            .attr("to", to.isEmpty() ? null : to)
            .attr("id", id)
            .attr("type", "error")
            .child(StanzaErrors.error("cancel", condition, null))
            .build());
  }

  // ---- stanzas

  private void onStanza(XmlElement stanza) {
    if (authenticated.isEmpty()) {
      if (partner != null && !secure && partner.tlsNegotiation() == Negotiation.REQUIRED) {
        streamError(
            StreamErrorCondition.POLICY_VIOLATION,
            "TLS is required for partner " + partner.identity() + " (TlsNegotiation Required)");
      } else {
        streamError(
            StreamErrorCondition.NOT_AUTHORIZED,
            "stanzas are accepted only after the sending domain is authenticated");
      }
      return;
    }
    String from = stanza.attribute("from").orElse("");
    String to = stanza.attribute("to").orElse("");
    if (from.isEmpty() || to.isEmpty()) {
      streamError(
          StreamErrorCondition.IMPROPER_ADDRESSING,
          "a stanza between servers needs both 'from' and 'to'");
      return;
    }
    if (!authenticated.contains(Jids.domain(from))) {
      streamError(
          StreamErrorCondition.INVALID_FROM,
          Jids.domain(from) + " was not authenticated on this stream");
      return;
    }
    if (!context.config.isLocal(Jids.domain(to))) {
      streamError(StreamErrorCondition.HOST_UNKNOWN, Jids.domain(to) + " is not served here");
      return;
    }
    context.journal.stanza(connection, peer, DIRECTION, stanza);
    String type = stanza.attribute("type").orElse("");
    if (stanza.name().equals("iq") && (type.equals("get") || type.equals("set"))) {
      onIq(stanza);
      return;
    }
    if (!StanzaErrors.mayBounce(stanza)) {
      context.inbound().accept(stanza);
      return;
    }
    String refusal = recipientRefusal(Jids.bare(to));
    if (refusal == null) {
      context.inbound().accept(stanza);
    } else if (stanza.name().equals("message")) {
      String condition = refusal.startsWith("no-xmpp:") ? "forbidden" : "service-unavailable";
      bounce(stanza, "cancel", condition, refusal.substring(refusal.indexOf(':') + 1));
    }
    // Presence to someone who may not receive it is dropped silently (RFC 6121 §4.3, §8.5.2).
  }

  /** Null when {@code bareTo} may receive XMPP traffic, else {@code reason:text}. */
  private String recipientRefusal(String bareTo) {
    if (Jids.local(bareTo).isEmpty()) {
      return "unknown:" + bareTo + " is a server, not a user";
    }
    Topology topology = context.config.topology().get();
    Optional<User> user =
        topology.users().stream()
            .filter(u -> u.sipAddress().equalsIgnoreCase("sip:" + bareTo))
            .findFirst();
    if (user.isEmpty() || !user.get().isEnabled()) {
      return "unknown:" + bareTo + " does not exist";
    }
    if (!topology.externalAccessPolicyOf(user.get()).enableXmppAccess()) {
      return "no-xmpp:" + bareTo + " is not enabled for XMPP federation";
    }
    return null;
  }

  private void onIq(XmlElement iq) {
    boolean ping =
        iq.child("ping", PING).isPresent() && "get".equals(iq.attribute("type").orElse(""));
    if (ping) {
      send(
          XmlElement.builder("iq", XmppNamespaces.SERVER)
              .attr("from", iq.attribute("to").orElse(null))
              .attr("to", iq.attribute("from").orElse(null))
              .attr("id", iq.attribute("id").orElse(null))
              .attr("type", "result")
              .build());
    } else {
      bounce(iq, "cancel", "service-unavailable", null);
    }
  }

  /** Answers go over our own outbound stream to the partner: s2s streams are one-way. */
  private void bounce(XmlElement stanza, String type, String condition, String text) {
    send(StanzaErrors.bounce(stanza, type, condition, text));
  }

  private void send(XmlElement reply) {
    context
        .traffic
        .sendToPartner(reply)
        .exceptionally(
            e -> {
              LOG.debug("could not send {} to the partner: {}", reply.name(), e.toString());
              return null;
            });
  }

  // ---- errors and plumbing

  private static String conditionOf(XmlElement error) {
    return error.children().stream()
        .filter(c -> c.namespace().equals(XmppNamespaces.STREAM_ERRORS))
        .filter(c -> !c.name().equals("text"))
        .map(XmlElement::name)
        .findFirst()
        .orElse("undefined-condition");
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof XmppStreamException bad) {
      streamError(bad.condition(), bad.getMessage());
    } else if (cause instanceof IOException
        || cause instanceof io.netty.handler.codec.DecoderException) {
      LOG.debug("s2s connection {} from {} failed: {}", connection, peer, cause.toString());
      closing = true;
      ctx.close();
    } else {
      LOG.warn("s2s session {} from {} failed", connection, peer, cause);
      streamError(StreamErrorCondition.UNDEFINED_CONDITION, "internal error");
    }
  }

  /** Header first if none was sent yet (RFC 6120 §4.9.1.2), then the error, then the close. */
  private void streamError(StreamErrorCondition condition, String text) {
    if (closing || ctx == null || !ctx.channel().isActive()) {
      return;
    }
    closing = true;
    if (!headerSent) {
      if (streamId == null) {
        streamId = StreamIds.next();
      }
      if (localDomain.isEmpty()) {
        localDomain = context.config.localDomains().get(0);
      }
      sendHeader(null);
    }
    context.journal.error(connection, peer, DIRECTION, condition.wireName(), text);
    ctx.writeAndFlush(text(XmppStreamWriter.streamError(condition, text)))
        .addListener(ChannelFutureListener.CLOSE);
  }

  private XmppStreamDecoder decoder() {
    return ctx.pipeline().get(XmppStreamDecoder.class);
  }

  private static io.netty.buffer.ByteBuf text(String s) {
    return Unpooled.copiedBuffer(s, StandardCharsets.UTF_8);
  }

  static void closeQuietly(AutoCloseable closeable) {
    if (closeable != null) {
      try {
        closeable.close();
      } catch (Exception ignored) {
        // a netstat row or a port mapping: nothing to do if it is already gone
      }
    }
  }
}
