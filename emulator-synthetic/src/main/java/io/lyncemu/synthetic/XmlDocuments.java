package io.lyncemu.synthetic;

import io.lyncemu.mcx.xml.SafeXml;
import io.lyncemu.mcx.xml.XmlRejectedException;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Parses what servers answer, which a client must treat as hostile: namespace-aware, no DOCTYPE, no
 * external entities or schemas, so a hostile endpoint cannot make the cmdlet read files or fetch
 * URLs. Stateless.
 */
final class XmlDocuments {
  /** Larger than any answer a Lync web service sends; a bigger one is treated as unparseable. */
  private static final int MAX_ANSWER_BYTES = 4 * 1024 * 1024;

  private XmlDocuments() {}

  static Optional<Document> parse(byte[] xml) {
    try {
      return Optional.of(SafeXml.parse(xml, MAX_ANSWER_BYTES));
    } catch (XmlRejectedException e) {
      return Optional.empty();
    }
  }

  static Optional<Element> first(Document doc, String namespace, String localName) {
    NodeList nodes = doc.getElementsByTagNameNS(namespace, localName);
    return nodes.getLength() == 0 ? Optional.empty() : Optional.of((Element) nodes.item(0));
  }

  /** An element on its own, with the namespace declarations it needs, without XML declaration. */
  static String serialize(Element element) {
    return SafeXml.serialize(element, false);
  }
}
