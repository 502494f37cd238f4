package io.lyncemu.edge.xmpp.gateway;

import io.lyncemu.edge.xmpp.stream.XmlElement;

/** What the gateway needs of the 23456 link: whether it is up and a way to send a stanza. */
public interface GatewayLink {

  /** True while the link stream to the Edge is open. */
  boolean isUp();

  /** Writes {@code stanza} to the Edge; false (nothing sent) when the link is down. */
  boolean send(XmlElement stanza);

  /** What arrives from the Edge. Callbacks run on the link's I/O thread and must not block. */
  interface Listener {
    void onStanza(XmlElement stanza);

    void onDeliveryAck(String id);

    void onDeliveryError(String id, String condition, String text);

    /** The link stream opened (again): resend what the Edge forgot, e.g. subscriptions. */
    default void onLinkUp() {}
  }
}
