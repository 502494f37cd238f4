package io.lyncemu.edge.xmpp;

import io.lyncemu.edge.xmpp.stream.XmlElement;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * The Edge XMPP proxy's server-to-server side as the inside sees it (the 23456 link from the FE
 * XMPP gateway uses this). Stanzas are in the {@code jabber:server} namespace with bare or full
 * JIDs in {@code from}/{@code to}.
 */
public interface PartnerTraffic {

  /**
   * Sends a stanza from a local JID to a partner JID over an outbound s2s stream (found through DNS
   * or the partner's ProxyFqdn, authenticated as the partner settings demand, reused). The stage
   * completes when the stanza was written to an authenticated stream, or exceptionally with {@link
   * XmppDeliveryException} when the partner cannot be reached or refuses us.
   */
  CompletionStage<Void> sendToPartner(XmlElement stanza);

  /**
   * Where stanzas that partners address to local JIDs go, after partner policy passed. One
   * consumer; a later call replaces it. The consumer must not block. It answers a bad stanza by
   * calling {@link #sendToPartner} with the error stanza.
   */
  void onInbound(Consumer<XmlElement> inbound);
}
