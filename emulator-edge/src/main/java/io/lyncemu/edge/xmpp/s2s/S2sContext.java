package io.lyncemu.edge.xmpp.s2s;

import io.lyncemu.core.federation.XmppAllowedPartner;
import io.lyncemu.core.federation.XmppGatewayConfiguration;
import io.lyncemu.edge.xmpp.PartnerTraffic;
import io.lyncemu.edge.xmpp.stream.XmlElement;
import io.netty.channel.EventLoopGroup;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * What every s2s session of one {@link XmppS2sServer} shares: settings, TLS, dialback keys, the
 * journal, the outbound connector, the inside's consumer and the per-partner stream counts.
 */
final class S2sContext {
  final XmppEdgeConfig config;
  final S2sTls tls;
  final DialbackKeys keys;
  final S2sJournal journal;
  final PartnerAddresses addresses;
  final EventLoopGroup group;

  /** Where DNS look-ups run, so a slow resolver never stalls an event loop. */
  final ExecutorService blocking;

  final PartnerTraffic traffic;
  final OutboundS2sConnector connector;
  final S2sFaults faults;

  private volatile Consumer<XmlElement> inbound = stanza -> {};
  private final Map<String, AtomicInteger> inboundStreams = new ConcurrentHashMap<>();
  private final AtomicInteger allInboundStreams = new AtomicInteger();

  S2sContext(
      XmppEdgeConfig config,
      EventLoopGroup group,
      ExecutorService blocking,
      PartnerTraffic traffic) {
    this.config = config;
    this.tls = new S2sTls(config.identity().get(), config.trustAnchor(), config.clock());
    this.keys = new DialbackKeys(() -> config.gateway().dialbackPassphrase());
    this.journal =
        new S2sJournal(config.journal(), () -> config.gateway().enableLoggingAllMessageBodies());
    this.addresses = new PartnerAddresses(config.resolver(), config.ports());
    this.group = group;
    this.blocking = blocking;
    this.traffic = traffic;
    this.faults = new S2sFaults(config.faults());
    this.connector = new OutboundS2sConnector(this);
  }

  XmppGatewayConfiguration gateway() {
    return config.gateway();
  }

  Optional<XmppAllowedPartner> partnerFor(String domain) {
    return config.topology().get().federation().xmppPartnerFor(domain);
  }

  void onInbound(Consumer<XmlElement> consumer) {
    inbound = consumer == null ? stanza -> {} : consumer;
  }

  Consumer<XmlElement> inbound() {
    return inbound;
  }

  /**
   * Counts one more inbound stream from {@code partner}; false when that would pass the lower of
   * the partner's ConnectionLimit and the gateway's PartnerConnectionLimit.
   */
  boolean acquireInbound(XmppAllowedPartner partner) {
    int limit = Math.min(partner.connectionLimit(), gateway().partnerConnectionLimit());
    AtomicInteger count =
        inboundStreams.computeIfAbsent(partner.identity(), k -> new AtomicInteger());
    if (count.incrementAndGet() > limit) {
      count.decrementAndGet();
      return false;
    }
    return true;
  }

  void releaseInbound(XmppAllowedPartner partner) {
    AtomicInteger count = inboundStreams.get(partner.identity());
    if (count != null) {
      count.decrementAndGet();
    }
  }

  /** The gateway-wide ConnectionLimit on concurrent inbound streams. */
  boolean acquireAny() {
    if (allInboundStreams.incrementAndGet() > gateway().connectionLimit()) {
      allInboundStreams.decrementAndGet();
      return false;
    }
    return true;
  }

  void releaseAny() {
    allInboundStreams.decrementAndGet();
  }
}
