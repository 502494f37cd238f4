package io.lyncemu.mcx.mobility.codec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A tiny StAX wrapper for writing one MCX document: declares the namespace on the root, escapes
 * through StAX, and drops characters XML 1.0 cannot carry (a message may contain control
 * characters; an unparseable answer would hurt the client more than a missing character).
 */
final class XmlOut {
  private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final XMLStreamWriter writer;

  XmlOut() {
    try {
      writer = FACTORY.createXMLStreamWriter(bytes, "UTF-8");
      writer.writeStartDocument("UTF-8", "1.0");
    } catch (XMLStreamException e) {
      throw new McxCodecException("cannot start an MCX document", e);
    }
  }

  XmlOut root(String name) {
    try {
      writer.setDefaultNamespace(McxRequest.NAMESPACE);
      writer.writeStartElement(McxRequest.NAMESPACE, name);
      writer.writeDefaultNamespace(McxRequest.NAMESPACE);
      return this;
    } catch (XMLStreamException e) {
      throw new McxCodecException("cannot write <" + name + ">", e);
    }
  }

  XmlOut start(String name) {
    try {
      writer.writeStartElement(McxRequest.NAMESPACE, name);
      return this;
    } catch (XMLStreamException e) {
      throw new McxCodecException("cannot write <" + name + ">", e);
    }
  }

  XmlOut empty(String name) {
    try {
      writer.writeEmptyElement(McxRequest.NAMESPACE, name);
      return this;
    } catch (XMLStreamException e) {
      throw new McxCodecException("cannot write <" + name + "/>", e);
    }
  }

  XmlOut attribute(String name, Object value) {
    try {
      writer.writeAttribute(name, clean(String.valueOf(value)));
      return this;
    } catch (XMLStreamException e) {
      throw new McxCodecException("cannot write attribute " + name, e);
    }
  }

  XmlOut text(String text) {
    try {
      writer.writeCharacters(clean(text));
      return this;
    } catch (XMLStreamException e) {
      throw new McxCodecException("cannot write text", e);
    }
  }

  XmlOut end() {
    try {
      writer.writeEndElement();
      return this;
    } catch (XMLStreamException e) {
      throw new McxCodecException("cannot close an element", e);
    }
  }

  byte[] finish() {
    try {
      writer.writeEndDocument();
      writer.close();
      return bytes.toByteArray();
    } catch (XMLStreamException e) {
      throw new McxCodecException("cannot finish an MCX document", e);
    }
  }

  static String clean(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      boolean allowed =
          cp == 0x9
              || cp == 0xA
              || cp == 0xD
              || (cp >= 0x20 && cp <= 0xD7FF)
              || (cp >= 0xE000 && cp <= 0xFFFD)
              || cp >= 0x10000;
      if (!allowed && out == null) {
        out = new StringBuilder(text.length()).append(text, 0, i);
      }
      if (out != null && allowed) {
        out.appendCodePoint(cp);
      }
      i += Character.charCount(cp);
    }
    return out == null ? text : out.toString();
  }

  @Override
  public String toString() {
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
