package io.lyncemu.edge.xmpp.stream;

import java.util.Map;

/** What the stream decoder emits, in stream order. */
public sealed interface XmppStreamEvent {

  /**
   * The peer's {@code <stream:stream>} header. {@code attributes} holds from, to, id, version and
   * xml:lang as sent; {@code namespaces} maps the declared prefixes ("" for the default) to URIs.
   */
  record StreamOpened(Map<String, String> attributes, Map<String, String> namespaces)
      implements XmppStreamEvent {
    public StreamOpened {
      attributes = Map.copyOf(attributes);
      namespaces = Map.copyOf(namespaces);
    }

    public String attribute(String name) {
      return attributes.getOrDefault(name, "");
    }
  }

  /** A complete first-level element: stanza, features, dialback, starttls, SASL or error. */
  record Stanza(XmlElement element) implements XmppStreamEvent {}

  /** The peer sent {@code </stream:stream>}. */
  record StreamClosed() implements XmppStreamEvent {}
}
