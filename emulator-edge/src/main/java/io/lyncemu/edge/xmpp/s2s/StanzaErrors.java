package io.lyncemu.edge.xmpp.s2s;

import io.lyncemu.edge.xmpp.stream.XmlElement;
import io.lyncemu.edge.xmpp.stream.XmppNamespaces;

/** Error replies (RFC 6120 §8.3) for stanzas and dialback elements the Edge refuses. */
final class StanzaErrors {
  static final String STANZAS = "urn:ietf:params:xml:ns:xmpp-stanzas";

  private StanzaErrors() {}

  /** The {@code <error/>} child: type cancel/auth/..., the condition and an optional text. */
  static XmlElement error(String type, String condition, String text) {
    XmlElement.Builder error =
        XmlElement.builder("error", XmppNamespaces.SERVER)
            .attr("type", type)
            .child(XmlElement.empty(condition, STANZAS));
    if (text != null && !text.isEmpty()) {
      error.child(XmlElement.builder("text", STANZAS).text(text));
    }
    return error.build();
  }

  /** The error a stanza's sender gets back: from/to swapped, same id, type error. */
  static XmlElement bounce(XmlElement stanza, String type, String condition, String text) {
    return XmlElement.builder(stanza.name(), XmppNamespaces.SERVER)
        .attr("from", stanza.attribute("to").orElse(null))
        .attr("to", stanza.attribute("from").orElse(null))
        .attr("id", stanza.attribute("id").orElse(null))
        .attr("type", "error")
        .child(error(type, condition, text))
        .build();
  }

  /** Whether the Edge may answer this stanza with an error (never an error to an error). */
  static boolean mayBounce(XmlElement stanza) {
    String type = stanza.attribute("type").orElse("");
    return !type.equals("error") && !(stanza.name().equals("iq") && type.equals("result"));
  }
}
