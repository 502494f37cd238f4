package io.lyncemu.edge.xmpp;

import io.lyncemu.edge.xmpp.stream.XmlElement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * The partner side while no s2s server is built in: every delivery fails with {@code
 * remote-server-not-found}, which reaches the Lync sender as a delivery failure, and nothing ever
 * arrives inbound.
 */
public final class UnreachablePartners implements PartnerTraffic {
  @Override
  public CompletionStage<Void> sendToPartner(XmlElement stanza) {
    return CompletableFuture.failedFuture(
        new XmppDeliveryException(
            "remote-server-not-found",
            "this build has no XMPP server-to-server side; cannot reach "
                + stanza.attribute("to").orElse("the partner")));
  }

  @Override
  public void onInbound(Consumer<XmlElement> inbound) {}
}
