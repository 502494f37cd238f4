package io.lyncemu.mcx.webticket;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Small DOM navigation steps shared by the readers in this package. Stateless. */
final class Elements {
  private Elements() {}

  static List<Element> children(Element parent) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        out.add(e);
      }
    }
    return out;
  }

  /** First child with this namespace and local name; a null namespace matches any namespace. */
  static Optional<Element> child(Element parent, String ns, String localName) {
    for (Element e : children(parent)) {
      if (localName.equals(e.getLocalName()) && (ns == null || ns.equals(e.getNamespaceURI()))) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /** Walks a path of local names, each step in {@code ns} (null = any namespace). */
  static Optional<Element> path(Element start, String ns, String... localNames) {
    Optional<Element> current = Optional.of(start);
    for (String name : localNames) {
      current = current.flatMap(e -> child(e, ns, name));
    }
    return current;
  }

  /** Trimmed text content, absent when blank. */
  static Optional<String> text(Element e) {
    String t = e.getTextContent();
    if (t == null || t.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(t.trim());
  }

  /** Attribute value (no namespace), absent when missing or blank. */
  static Optional<String> attribute(Element e, String name) {
    String v = e.getAttribute(name);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
  }
}
