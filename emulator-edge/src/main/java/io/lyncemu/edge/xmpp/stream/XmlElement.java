package io.lyncemu.edge.xmpp.stream;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One parsed XML element of an XMPP stream: a stanza or one of its children. Immutable. Namespaces
 * are resolved: {@code namespace} is the element's namespace URI, and attributes are keyed by their
 * local name (XMPP stanza attributes carry no namespace, except {@code xml:lang}, kept as {@code
 * xml:lang}). {@code text} is the concatenated character data directly inside this element.
 */
public record XmlElement(
    String name,
    String namespace,
    Map<String, String> attributes,
    List<XmlElement> children,
    String text) {

  public XmlElement {
    Objects.requireNonNull(name, "name");
    namespace = namespace == null ? "" : namespace;
    attributes = attributes == null ? Map.of() : new LinkedHashMap<>(attributes);
    attributes = java.util.Collections.unmodifiableMap(attributes);
    children = children == null ? List.of() : List.copyOf(children);
    text = text == null ? "" : text;
  }

  public Optional<String> attribute(String localName) {
    return Optional.ofNullable(attributes.get(localName));
  }

  /** The first child with this local name and namespace. */
  public Optional<XmlElement> child(String localName, String ns) {
    return children.stream()
        .filter(c -> c.name.equals(localName) && c.namespace.equals(ns))
        .findFirst();
  }
}
