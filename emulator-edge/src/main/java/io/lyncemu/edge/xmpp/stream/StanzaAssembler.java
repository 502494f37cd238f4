package io.lyncemu.edge.xmpp.stream;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamReader;

/**
 * Builds one first-level element from parser events with an explicit stack (no recursion, so
 * nesting depth cannot overflow the Java stack) and enforces the depth and attribute limits.
 */
final class StanzaAssembler {
  private final XmppStreamLimits limits;
  private final Deque<Frame> open = new ArrayDeque<>();

  StanzaAssembler(XmppStreamLimits limits) {
    this.limits = limits;
  }

  boolean inElement() {
    return !open.isEmpty();
  }

  /** The reader is on a START_ELEMENT inside the stream root. */
  void start(XMLStreamReader reader) {
    if (open.size() + 1 > limits.maxDepth()) {
      throw new XmppStreamException(
          StreamErrorCondition.POLICY_VIOLATION,
          "element nesting deeper than " + limits.maxDepth() + " levels");
    }
    checkAttributeCount(reader, limits);
    Frame frame = new Frame(reader.getLocalName(), nullToEmpty(reader.getNamespaceURI()));
    frame.attributes.putAll(attributes(reader));
    open.push(frame);
  }

  void text(String text) {
    open.peek().text.append(text);
  }

  /** Closes the innermost element; returns the first-level element once it is complete. */
  XmlElement end() {
    Frame frame = open.pop();
    XmlElement element =
        new XmlElement(
            frame.name, frame.namespace, frame.attributes, frame.children, frame.text.toString());
    if (open.isEmpty()) {
      return element;
    }
    open.peek().children.add(element);
    return null;
  }

  /** Namespace declarations count too: each one costs the parser the same as an attribute. */
  static void checkAttributeCount(XMLStreamReader reader, XmppStreamLimits limits) {
    int count = reader.getAttributeCount() + reader.getNamespaceCount();
    if (count > limits.maxAttributes()) {
      throw new XmppStreamException(
          StreamErrorCondition.POLICY_VIOLATION,
          "more than " + limits.maxAttributes() + " attributes on <" + reader.getLocalName() + ">");
    }
  }

  /**
   * Attributes keyed as {@link XmlElement} documents: local name, {@code xml:lang}, or {@code
   * {uri}local} for the rare attribute in another namespace.
   */
  static Map<String, String> attributes(XMLStreamReader reader) {
    Map<String, String> attributes = new LinkedHashMap<>();
    for (int i = 0; i < reader.getAttributeCount(); i++) {
      String ns = nullToEmpty(reader.getAttributeNamespace(i));
      String local = reader.getAttributeLocalName(i);
      String key =
          ns.isEmpty()
              ? local
              : XmppNamespaces.XML.equals(ns) ? "xml:" + local : "{" + ns + "}" + local;
      attributes.put(key, reader.getAttributeValue(i));
    }
    return attributes;
  }

  static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  private static final class Frame {
    final String name;
    final String namespace;
    final Map<String, String> attributes = new LinkedHashMap<>();
    final List<XmlElement> children = new ArrayList<>();
    final StringBuilder text = new StringBuilder();

    Frame(String name, String namespace) {
      this.name = name;
      this.namespace = namespace;
    }
  }
}
