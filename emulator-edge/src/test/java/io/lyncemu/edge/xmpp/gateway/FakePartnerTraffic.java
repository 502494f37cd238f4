package io.lyncemu.edge.xmpp.gateway;

import io.lyncemu.edge.xmpp.PartnerTraffic;
import io.lyncemu.edge.xmpp.XmppDeliveryException;
import io.lyncemu.edge.xmpp.stream.XmlElement;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Stands in for the s2s side: records what is sent, fails for chosen domains, injects inbound. */
final class FakePartnerTraffic implements PartnerTraffic {
  final List<XmlElement> sent = new CopyOnWriteArrayList<>();
  final Set<String> unreachable = ConcurrentHashMap.newKeySet();
  private volatile Consumer<XmlElement> inbound = s -> {};

  @Override
  public CompletionStage<Void> sendToPartner(XmlElement stanza) {
    sent.add(stanza);
    String to = stanza.attribute("to").orElse("");
    if (unreachable.stream().anyMatch(to::endsWith)) {
      return CompletableFuture.failedFuture(
          new XmppDeliveryException("remote-server-not-found", "no SRV record for " + to));
    }
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void onInbound(Consumer<XmlElement> value) {
    inbound = value;
  }

  void receive(XmlElement stanza) {
    inbound.accept(stanza);
  }
}
