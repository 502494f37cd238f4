package io.lyncemu.edge.xmpp.internal;

import io.lyncemu.edge.xmpp.stream.XmlElement;
import io.lyncemu.edge.xmpp.stream.XmppNamespaces;
import io.lyncemu.edge.xmpp.stream.XmppStreamWriter;

/**
 * The EMULATOR-DEFINED framing of the 23456 link (docs/xmpp-gateway-link.md). One XML stream each
 * way whose default namespace is {@code jabber:server}, so partner stanzas cross unchanged, plus
 * two control elements in {@value #NAMESPACE} that only the Edge sends: {@code <delivery-ack
 * id=''/>} when a stanza reached an authenticated partner stream and {@code <delivery-error id=''
 * condition='' text=''/>} when it did not.
 */
public final class GatewayLinkProtocol {
  public static final String NAMESPACE = "urn:lyncemu:xmpp-gateway";
  public static final int WELL_KNOWN_PORT = 23456;
  public static final String DELIVERY_ACK = "delivery-ack";
  public static final String DELIVERY_ERROR = "delivery-error";

  private GatewayLinkProtocol() {}

  /**
   * The header each side opens its stream with: the stream writer's header (default namespace
   * jabber:server) with {@code xmlns:gw} declared, so a peer can tell this link from an s2s stream.
   */
  public static String header(String from, String to, String id) {
    String header = XmppStreamWriter.streamHeader(from, to, id);
    return header.replace("<stream:stream ", "<stream:stream xmlns:gw='" + NAMESPACE + "' ");
  }

  /** Whether the peer's header declared the link namespace. */
  public static boolean isLinkHeader(java.util.Map<String, String> namespaces) {
    return NAMESPACE.equals(namespaces.get("gw"))
        && XmppNamespaces.SERVER.equals(namespaces.get(""));
  }

  public static XmlElement deliveryAck(String id) {
    return XmlElement.builder(DELIVERY_ACK, NAMESPACE).attr("id", id).build();
  }

  public static XmlElement deliveryError(String id, String condition, String text) {
    return XmlElement.builder(DELIVERY_ERROR, NAMESPACE)
        .attr("id", id)
        .attr("condition", condition)
        .attr("text", text)
        .build();
  }

  /** Whether {@code element} is a stanza (message, presence, iq) in jabber:server. */
  public static boolean isStanza(XmlElement element) {
    return XmppNamespaces.SERVER.equals(element.namespace())
        && (element.name().equals("message")
            || element.name().equals("presence")
            || element.name().equals("iq"));
  }
}
