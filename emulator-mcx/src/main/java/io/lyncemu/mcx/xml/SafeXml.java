package io.lyncemu.mcx.xml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The only way web-service code turns untrusted bytes into a DOM, and DOM back into text.
 *
 * <p>Parsing is namespace-aware, refuses any DOCTYPE (which rules out internal-subset entity bombs
 * and external DTD/entity fetches in one step), disables external entities, XInclude and external
 * DTD/schema access, and keeps JAXP secure processing and its entity-expansion limits on as a
 * second line of defence. An entity resolver that refuses everything is installed as a third.
 *
 * <p>Thread-safety: all methods are static and safe to call concurrently; each call builds its own
 * {@link DocumentBuilder} because builders are not thread-safe.
 */
public final class SafeXml {
  /** A sensible default ceiling for SOAP request bodies (RSTs are a few KB). */
  public static final int DEFAULT_MAX_BYTES = 256 * 1024;

  private static final String DISALLOW_DOCTYPE =
      "http://apache.org/xml/features/disallow-doctype-decl";
  private static final String EXTERNAL_GENERAL_ENTITIES =
      "http://xml.org/sax/features/external-general-entities";
  private static final String EXTERNAL_PARAMETER_ENTITIES =
      "http://xml.org/sax/features/external-parameter-entities";
  private static final String LOAD_EXTERNAL_DTD =
      "http://apache.org/xml/features/nonvalidating/load-external-dtd";
  private static final String ENTITY_EXPANSION_LIMIT = "jdk.xml.entityExpansionLimit";
  private static final String TOTAL_ENTITY_SIZE_LIMIT = "jdk.xml.totalEntitySizeLimit";

  private static final DocumentBuilderFactory FACTORY = newFactory();

  private SafeXml() {}

  /**
   * Parses untrusted bytes.
   *
   * @param xml the raw body; its encoding comes from the XML declaration or BOM (UTF-8 otherwise)
   * @param maxBytes the largest body accepted
   * @throws XmlRejectedException for empty, oversized, DOCTYPE-bearing or malformed input
   */
  public static Document parse(byte[] xml, int maxBytes) {
    Objects.requireNonNull(xml, "xml");
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
    }
    if (xml.length > maxBytes) {
      throw new XmlRejectedException(XmlRejectedException.Reason.TOO_LARGE, null);
    }
    if (isBlank(xml)) {
      throw new XmlRejectedException(XmlRejectedException.Reason.EMPTY, null);
    }
    DocumentBuilder builder = newBuilder();
    try {
      return builder.parse(new InputSource(new ByteArrayInputStream(xml)));
    } catch (SAXException e) {
      throw new XmlRejectedException(classify(e, xml), e);
    } catch (IOException e) {
      // Only reachable if something tried to open a resource, which the resolver forbids.
      throw new XmlRejectedException(XmlRejectedException.Reason.MALFORMED, e);
    }
  }

  /**
   * Reads at most {@code maxBytes + 1} bytes from {@code in} and parses them; a longer stream is
   * refused as {@link XmlRejectedException.Reason#TOO_LARGE} without reading the rest.
   */
  public static Document parse(InputStream in, int maxBytes) throws IOException {
    Objects.requireNonNull(in, "in");
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
    }
    byte[] body = in.readNBytes(maxBytes + 1);
    return parse(body, maxBytes);
  }

  /** Convenience for trusted-origin strings (e.g. our own stored assertions). */
  public static Document parse(String xml, int maxBytes) {
    return parse(Objects.requireNonNull(xml, "xml").getBytes(StandardCharsets.UTF_8), maxBytes);
  }

  /** A fresh, empty, namespace-aware document to build output with. */
  public static Document newDocument() {
    Document doc = newBuilder().newDocument();
    // Otherwise the JDK serializer writes standalone="no" into every declaration.
    doc.setXmlStandalone(true);
    return doc;
  }

  /**
   * Serialises a node without adding whitespace, so signed content keeps its exact bytes.
   *
   * @param xmlDeclaration whether to emit {@code <?xml version="1.0" encoding="utf-8"?>}
   */
  public static String serialize(Node node, boolean xmlDeclaration) {
    return serialize(node, xmlDeclaration, false);
  }

  /**
   * Serialises a node, optionally indented. Never indent anything that contains a signature.
   *
   * @param xmlDeclaration whether to emit an XML declaration
   * @param indent whether to pretty-print (only for unsigned documents such as WSDL)
   */
  public static String serialize(Node node, boolean xmlDeclaration, boolean indent) {
    Objects.requireNonNull(node, "node");
    try {
      Transformer t;
      // Looking a factory up per call dominated serialisation; the factory is shared, and since
      // TransformerFactory is not thread-safe, creating a transformer from it is serialised.
      synchronized (TRANSFORMERS) {
        t = TRANSFORMERS.newTransformer();
      }
      t.setOutputProperty(OutputKeys.ENCODING, "utf-8");
      t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, xmlDeclaration ? "no" : "yes");
      t.setOutputProperty(OutputKeys.INDENT, indent ? "yes" : "no");
      if (indent) {
        t.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
      }
      StringWriter out = new StringWriter();
      t.transform(new DOMSource(node), new StreamResult(out));
      String text = out.toString();
      // The JDK serializer omits the newline after the declaration of a standalone document.
      if (xmlDeclaration) {
        int end = text.indexOf("?>");
        if (end > 0 && end + 2 < text.length() && text.charAt(end + 2) != '\n') {
          text = text.substring(0, end + 2) + "\n" + text.substring(end + 2);
        }
      }
      return text;
    } catch (TransformerException e) {
      throw new IllegalStateException("JDK XML serializer failed", e);
    }
  }

  /** UTF-8 bytes of {@link #serialize(Node, boolean)}. */
  public static byte[] serializeToBytes(Node node, boolean xmlDeclaration) {
    return serialize(node, xmlDeclaration).getBytes(StandardCharsets.UTF_8);
  }

  private static final TransformerFactory TRANSFORMERS = newTransformerFactory();

  private static TransformerFactory newTransformerFactory() {
    TransformerFactory tf = TransformerFactory.newInstance();
    try {
      tf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    } catch (javax.xml.transform.TransformerConfigurationException e) {
      throw new IllegalStateException("JDK XML serializer lacks secure processing", e);
    }
    tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
    return tf;
  }

  private static DocumentBuilderFactory newFactory() {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    try {
      f.setNamespaceAware(true);
      f.setValidating(false);
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature(DISALLOW_DOCTYPE, true);
      f.setFeature(EXTERNAL_GENERAL_ENTITIES, false);
      f.setFeature(EXTERNAL_PARAMETER_ENTITIES, false);
      f.setFeature(LOAD_EXTERNAL_DTD, false);
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      // Redundant while DOCTYPE is refused; kept so a future relaxation cannot reopen bombs.
      f.setAttribute(ENTITY_EXPANSION_LIMIT, "64");
      f.setAttribute(TOTAL_ENTITY_SIZE_LIMIT, "65536");
    } catch (ParserConfigurationException | IllegalArgumentException e) {
      throw new IllegalStateException("JDK XML parser lacks a required security feature", e);
    }
    return f;
  }

  // Creating a builder costs more than a small parse; each thread keeps one and resets it before
  // use.
  private static final ThreadLocal<DocumentBuilder> BUILDERS =
      ThreadLocal.withInitial(SafeXml::createBuilder);

  private static DocumentBuilder createBuilder() {
    synchronized (FACTORY) {
      try {
        return FACTORY.newDocumentBuilder();
      } catch (ParserConfigurationException e) {
        throw new IllegalStateException("JDK XML parser cannot be configured", e);
      }
    }
  }

  private static DocumentBuilder newBuilder() {
    DocumentBuilder builder = BUILDERS.get();
    // reset() restores the factory's (secure) configuration and drops any earlier handlers.
    builder.reset();
    builder.setEntityResolver(
        (publicId, systemId) -> {
          throw new SAXException("External resources are not allowed: " + systemId);
        });
    builder.setErrorHandler(SILENT);
    return builder;
  }

  private static XmlRejectedException.Reason classify(SAXException e, byte[] xml) {
    String message = String.valueOf(e.getMessage());
    if (message.contains("DOCTYPE") || containsAscii(xml, "<!DOCTYPE")) {
      return XmlRejectedException.Reason.DOCTYPE_FORBIDDEN;
    }
    return XmlRejectedException.Reason.MALFORMED;
  }

  private static boolean isBlank(byte[] xml) {
    for (byte b : xml) {
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return false;
      }
    }
    return true;
  }

  private static boolean containsAscii(byte[] haystack, String needle) {
    // Parser messages are localised, so also look for the declaration itself (UTF-8/ASCII only).
    byte[] n = needle.getBytes(StandardCharsets.US_ASCII);
    outer:
    for (int i = 0; i + n.length <= haystack.length; i++) {
      for (int j = 0; j < n.length; j++) {
        if (haystack[i + j] != n[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  /** Keeps the JDK parser from printing "[Fatal Error]" lines to stderr; we throw instead. */
  private static final ErrorHandler SILENT =
      new ErrorHandler() {
        @Override
        public void warning(SAXParseException exception) {}

        @Override
        public void error(SAXParseException exception) throws SAXException {
          throw exception;
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXException {
          throw exception;
        }
      };
}
