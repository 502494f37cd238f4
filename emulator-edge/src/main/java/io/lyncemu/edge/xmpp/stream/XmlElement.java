package io.lyncemu.edge.xmpp.stream;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One parsed XML element of an XMPP stream: a stanza or one of its children. Immutable. Namespaces
 * are resolved: {@code namespace} is the element's namespace URI, and attributes are keyed by their
 * local name (XMPP stanza attributes carry no namespace, except {@code xml:lang}, kept as {@code
 * xml:lang}; the rare attribute in another namespace is keyed {@code {uri}local}). {@code text} is
 * the concatenated character data directly inside this element.
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

  /** Starts building an element; see {@link Builder}. */
  public static Builder builder(String name, String namespace) {
    return new Builder(name, namespace);
  }

  /** An element with no attributes, children or text, e.g. {@code <starttls xmlns='...'/>}. */
  public static XmlElement empty(String name, String namespace) {
    return new XmlElement(name, namespace, Map.of(), List.of(), "");
  }

  /**
   * Builds an element tree concisely: {@code XmlElement.builder("message", "jabber:server")
   * .attr("to", to).child(XmlElement.builder("body", "jabber:server").text("hi")).build()}.
   */
  public static final class Builder {
    private final String name;
    private final String namespace;
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final List<XmlElement> children = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();

    private Builder(String name, String namespace) {
      this.name = Objects.requireNonNull(name, "name");
      this.namespace = namespace;
    }

    /** Sets an attribute; a null value leaves it out, which suits optional from/to/id/type. */
    public Builder attr(String key, String value) {
      if (value != null) {
        attributes.put(key, value);
      }
      return this;
    }

    public Builder child(XmlElement child) {
      children.add(Objects.requireNonNull(child, "child"));
      return this;
    }

    public Builder child(Builder child) {
      return child(child.build());
    }

    /** Appends character data. */
    public Builder text(String value) {
      text.append(value);
      return this;
    }

    public XmlElement build() {
      return new XmlElement(name, namespace, attributes, children, text.toString());
    }
  }
}
