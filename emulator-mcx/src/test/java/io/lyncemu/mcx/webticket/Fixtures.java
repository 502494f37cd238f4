package io.lyncemu.mcx.webticket;

import io.lyncemu.mcx.xml.SafeXml;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import javax.xml.namespace.NamespaceContext;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** Test fixture loading and namespace-aware XPath over our documents. */
final class Fixtures {
  private static final Map<String, String> PREFIXES =
      Map.ofEntries(
          Map.entry("s", WsNames.SOAP11),
          Map.entry("wst", WsNames.WST),
          Map.entry("wsa", WsNames.WSA),
          Map.entry("wsp", WsNames.WSP),
          Map.entry("wsse", WsNames.WSSE),
          Map.entry("wsu", WsNames.WSU),
          Map.entry("saml", WsNames.SAML),
          Map.entry("ds", WsNames.DSIG),
          Map.entry("af", WsNames.AF),
          Map.entry("wsdl", MetadataDocuments.WSDL),
          Map.entry("soap", MetadataDocuments.WSDL_SOAP),
          Map.entry("sp", MetadataDocuments.SP),
          Map.entry("wsaw", MetadataDocuments.WSAW));

  private Fixtures() {}

  static byte[] bytes(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Document parse(String xml) {
    return SafeXml.parse(xml, 1 << 20);
  }

  static String text(Document doc, String expression) {
    try {
      return (String) xpath().evaluate(expression, doc, XPathConstants.STRING);
    } catch (XPathExpressionException e) {
      throw new IllegalArgumentException(expression, e);
    }
  }

  static int count(Document doc, String expression) {
    try {
      return ((NodeList) xpath().evaluate(expression, doc, XPathConstants.NODESET)).getLength();
    } catch (XPathExpressionException e) {
      throw new IllegalArgumentException(expression, e);
    }
  }

  private static XPath xpath() {
    XPath xp = XPathFactory.newInstance().newXPath();
    xp.setNamespaceContext(
        new NamespaceContext() {
          @Override
          public String getNamespaceURI(String prefix) {
            return PREFIXES.getOrDefault(prefix, "");
          }

          @Override
          public String getPrefix(String namespaceURI) {
            return null;
          }

          @Override
          public Iterator<String> getPrefixes(String namespaceURI) {
            return Collections.emptyIterator();
          }
        });
    return xp;
  }
}
