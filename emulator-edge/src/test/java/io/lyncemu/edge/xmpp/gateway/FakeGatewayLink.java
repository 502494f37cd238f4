package io.lyncemu.edge.xmpp.gateway;

import io.lyncemu.edge.xmpp.stream.XmlElement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A 23456 link without sockets: records what the gateway sends and can be taken down. */
final class FakeGatewayLink implements GatewayLink {
  final List<XmlElement> sent = new CopyOnWriteArrayList<>();
  volatile boolean up = true;

  @Override
  public boolean isUp() {
    return up;
  }

  @Override
  public boolean send(XmlElement stanza) {
    if (!up) {
      return false;
    }
    sent.add(stanza);
    return true;
  }

  List<XmlElement> sentOfType(String name, String type) {
    return sent.stream()
        .filter(s -> s.name().equals(name))
        .filter(s -> s.attribute("type").orElse("").equals(type))
        .toList();
  }
}
