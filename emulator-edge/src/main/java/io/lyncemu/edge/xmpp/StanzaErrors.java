package io.lyncemu.edge.xmpp;

import io.lyncemu.edge.xmpp.stream.XmlElement;
import io.lyncemu.edge.xmpp.stream.XmppNamespaces;

/** Builds RFC 6120 §8.3 stanza errors in reply to a stanza. */
public final class StanzaErrors {
  public static final String STANZAS = "urn:ietf:params:xml:ns:xmpp-stanzas";

  private StanzaErrors() {}

  /**
   * The error reply to {@code original}: same name and id, from/to swapped, type error, and an
   * {@code <error type=''>} with {@code condition} (RFC 6120 §8.3.3 gives each condition its type).
   */
  public static XmlElement reply(XmlElement original, String condition, String text) {
    XmlElement.Builder error =
        XmlElement.builder("error", XmppNamespaces.SERVER)
            .attr("type", typeOf(condition))
            .child(XmlElement.empty(condition, STANZAS));
    if (text != null && !text.isBlank()) {
      error.child(XmlElement.builder("text", STANZAS).text(text));
    }
    return XmlElement.builder(original.name(), XmppNamespaces.SERVER)
        .attr("from", original.attribute("to").orElse(null))
        .attr("to", original.attribute("from").orElse(null))
        .attr("id", original.attribute("id").orElse(null))
        .attr("type", "error")
        .child(error)
        .build();
  }

  /** The defined condition of an error stanza, or {@code undefined-condition}. */
  public static String conditionOf(XmlElement errorStanza) {
    return errorStanza
        .child("error", XmppNamespaces.SERVER)
        .flatMap(e -> e.children().stream().filter(c -> c.namespace().equals(STANZAS)).findFirst())
        .filter(c -> !c.name().equals("text"))
        .map(XmlElement::name)
        .orElse("undefined-condition");
  }

  private static String typeOf(String condition) {
    return switch (condition) {
      case "forbidden", "not-authorized", "registration-required", "subscription-required" ->
          "auth";
      case "remote-server-timeout", "resource-constraint", "recipient-unavailable" -> "wait";
      case "bad-request", "jid-malformed", "not-acceptable" -> "modify";
      default -> "cancel";
    };
  }
}
