package io.lyncemu.edge.xmpp.s2s;

import static java.util.concurrent.TimeUnit.MILLISECONDS;

import io.lyncemu.core.fault.Fault;
import io.lyncemu.core.federation.XmppAllowedPartner;
import io.lyncemu.edge.xmpp.XmppDeliveryException;
import io.lyncemu.edge.xmpp.s2s.OutboundS2sSession.Purpose;
import io.lyncemu.edge.xmpp.s2s.OutboundS2sSession.VerifyRequest;
import io.lyncemu.edge.xmpp.stream.XmlElement;
import io.lyncemu.edge.xmpp.stream.XmppStreamDecoder;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Finds, opens and reuses the Edge's outbound s2s streams: one authenticated stream per (local
 * domain, partner domain) pair, created on first use, with stanzas queued while it is being
 * established. Also opens the short-lived verification streams of the dialback receiving role.
 */
final class OutboundS2sConnector {
  private final S2sContext context;
  private final Map<String, OutboundS2sSession> sessions = new ConcurrentHashMap<>();

  OutboundS2sConnector(S2sContext context) {
    this.context = context;
  }

  CompletionStage<Void> send(XmlElement stanza) {
    String fromDomain = Jids.domain(stanza.attribute("from").orElse(""));
    String toDomain = Jids.domain(stanza.attribute("to").orElse(""));
    if (!context.config.isLocal(fromDomain)) {
      return CompletableFuture.failedFuture(
          new XmppDeliveryException(
              "improper-addressing", "'" + fromDomain + "' is not a domain this Edge serves"));
    }
    Optional<XmppAllowedPartner> partner = context.partnerFor(toDomain);
    if (toDomain.isEmpty() || partner.isEmpty()) {
      return CompletableFuture.failedFuture(
          new XmppDeliveryException(
              "not-allowed", "'" + toDomain + "' is not an allowed XMPP partner"));
    }
    String key = fromDomain + " " + toDomain;
    OutboundS2sSession session =
        sessions.compute(
            key,
            (k, existing) -> {
              if (existing != null && existing.isUsable()) {
                return existing;
              }
              return open(fromDomain, toDomain, partner.get(), Purpose.AUTHENTICATE, null);
            });
    return session.send(stanza);
  }

  /**
   * Asks {@code originating}'s authoritative server whether {@code key} is the one it generated for
   * our stream {@code streamId} (receiving role, XEP-0220 §2.1.2).
   */
  CompletionStage<DialbackVerdict> verify(
      String receiving,
      String originating,
      String streamId,
      String key,
      XmppAllowedPartner partner) {
    OutboundS2sSession session =
        open(
            receiving,
            originating.toLowerCase(Locale.ROOT),
            partner,
            Purpose.VERIFY,
            new VerifyRequest(streamId, key));
    return session.verdict;
  }

  void forget(OutboundS2sSession session) {
    sessions.values().remove(session);
  }

  private OutboundS2sSession open(
      String local,
      String remote,
      XmppAllowedPartner partner,
      Purpose purpose,
      VerifyRequest request) {
    OutboundS2sSession session =
        new OutboundS2sSession(context, local, remote, partner, purpose, request);
    session.armTimer(context.group.next());
    dial(session);
    return session;
  }

  /** Resolves the partner (off the event loop) and connects the session to the first target. */
  void dial(OutboundS2sSession session) {
    EventLoop loop = context.group.next();
    Optional<Fault> fault = context.faults.at(S2sFaults.OUTBOUND_CONNECT);
    if (fault.isPresent()) {
      if (fault.get() instanceof Fault.Delay delay) {
        loop.schedule(
            () -> resolveAndConnect(session, loop), delay.amount().toMillis(), MILLISECONDS);
      } else if (fault.get() instanceof Fault.Drop
          || fault.get() instanceof Fault.ResetConnection) {
        session.fail(
            new XmppDeliveryException(
                "remote-server-not-found", "could not connect to " + session.remote()),
            null);
      } else if (!(fault.get() instanceof Fault.Stall)) {
        resolveAndConnect(session, loop);
      }
      return;
    }
    resolveAndConnect(session, loop);
  }

  private void resolveAndConnect(OutboundS2sSession session, EventLoop loop) {
    if (!session.isUsable()) {
      return; // timed out meanwhile
    }
    String remote = session.remote();
    XmppAllowedPartner partner = session.partner();
    context.blocking.execute(
        () -> {
          List<InetSocketAddress> targets;
          try {
            targets = context.addresses.resolve(remote, partner);
          } catch (RuntimeException e) {
            targets = List.of();
          }
          if (targets.isEmpty()) {
            session.fail(
                new XmppDeliveryException(
                    "remote-server-not-found",
                    "no XMPP server found for "
                        + remote
                        + " (no _xmpp-server._tcp SRV record, ProxyFqdn or address)"),
                null);
            return;
          }
          List<InetSocketAddress> all = targets;
          loop.execute(() -> connect(session, loop, all, 0));
        });
  }

  /** Tries the targets in order (RFC 6120 §3.2.1 step 9). */
  private void connect(
      OutboundS2sSession session, EventLoop loop, List<InetSocketAddress> targets, int index) {
    if (!session.isUsable()) {
      return; // timed out meanwhile
    }
    if (index >= targets.size()) {
      session.fail(
          new XmppDeliveryException(
              "remote-server-not-found",
              "could not connect to " + session.remote() + " at " + targets),
          null);
      return;
    }
    int timeoutMillis =
        (int) TimeUnit.SECONDS.toMillis(context.gateway().streamEstablishmentTimeout());
    ChannelFuture attempt =
        new Bootstrap()
            .group(loop)
            .channel(NioSocketChannel.class)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, timeoutMillis)
            .handler(
                new ChannelInitializer<Channel>() {
                  @Override
                  protected void initChannel(Channel ch) {}
                })
            .connect(targets.get(index));
    attempt.addListener(
        f -> {
          if (!f.isSuccess()) {
            connect(session, loop, targets, index + 1);
            return;
          }
          Channel ch = attempt.channel();
          ch.pipeline()
              .addLast("xmpp-decoder", new XmppStreamDecoder(context.config.limits()))
              .addLast(
                  "idle",
                  new IdleStateHandler(
                      0, 0, context.gateway().streamInactivityTimeout(), TimeUnit.SECONDS))
              .addLast("session", session);
          if (!session.isUsable()) {
            ch.close();
            return;
          }
          session.connected(ch);
        });
  }
}
