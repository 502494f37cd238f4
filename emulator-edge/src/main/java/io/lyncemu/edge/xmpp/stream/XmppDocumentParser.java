package io.lyncemu.edge.xmpp.stream;

import static io.lyncemu.edge.xmpp.stream.StreamErrorCondition.BAD_FORMAT;
import static io.lyncemu.edge.xmpp.stream.StreamErrorCondition.BAD_NAMESPACE_PREFIX;
import static io.lyncemu.edge.xmpp.stream.StreamErrorCondition.INVALID_NAMESPACE;
import static io.lyncemu.edge.xmpp.stream.StreamErrorCondition.NOT_WELL_FORMED;
import static io.lyncemu.edge.xmpp.stream.StreamErrorCondition.RESTRICTED_XML;
import static io.lyncemu.edge.xmpp.stream.StreamErrorCondition.UNSUPPORTED_ENCODING;

import com.fasterxml.aalto.AsyncByteArrayFeeder;
import com.fasterxml.aalto.AsyncXMLStreamReader;
import io.lyncemu.edge.xmpp.stream.XmppStreamEvent.Stanza;
import io.lyncemu.edge.xmpp.stream.XmppStreamEvent.StreamClosed;
import io.lyncemu.edge.xmpp.stream.XmppStreamEvent.StreamOpened;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

/**
 * One XML document of an XMPP stream, from the optional declaration to {@code </stream:stream>}: a
 * stream restart (after STARTTLS or SASL) starts a new one. Netty-free: the caller feeds bytes when
 * {@link #next()} returns null and owns the byte limits.
 */
final class XmppDocumentParser {
  private final AsyncXMLStreamReader<AsyncByteArrayFeeder> reader = SecureAsyncXml.newReader();
  private final XmppStreamLimits limits;
  private final StanzaAssembler assembler;
  private boolean opened;
  private boolean sawLessThan;

  XmppDocumentParser(XmppStreamLimits limits) {
    this.limits = limits;
    this.assembler = new StanzaAssembler(limits);
  }

  boolean opened() {
    return opened;
  }

  /** Call only after {@link #next()} returned null: Aalto takes new input once the old is used. */
  void feed(byte[] bytes, int offset, int length) {
    if (!opened) {
      sniffProlog(bytes, offset, length);
    }
    try {
      reader.getInputFeeder().feedInput(bytes, offset, length);
    } catch (XMLStreamException e) {
      throw translate(e);
    }
  }

  /** The next stream event, or null when the parser needs more bytes. */
  XmppStreamEvent next() {
    try {
      while (true) {
        int event = reader.next();
        XmppStreamEvent result =
            switch (event) {
              case AsyncXMLStreamReader.EVENT_INCOMPLETE -> null;
              case XMLStreamConstants.START_DOCUMENT -> checkEncoding();
              case XMLStreamConstants.START_ELEMENT -> startElement();
              case XMLStreamConstants.END_ELEMENT -> endElement();
              case XMLStreamConstants.CHARACTERS,
                  XMLStreamConstants.CDATA,
                  XMLStreamConstants.SPACE ->
                  text();
              case XMLStreamConstants.DTD -> throw restricted("DTDs are not allowed in XMPP");
              case XMLStreamConstants.ENTITY_REFERENCE ->
                  throw restricted("entity reference &" + reader.getLocalName() + "; not allowed");
              case XMLStreamConstants.PROCESSING_INSTRUCTION ->
                  throw restricted("processing instructions are not allowed in XMPP");
              case XMLStreamConstants.COMMENT ->
                  throw restricted("comments are not allowed in XMPP");
              default -> null; // END_DOCUMENT: the decoder stops feeding after StreamClosed
            };
        if (result != null || event == AsyncXMLStreamReader.EVENT_INCOMPLETE) {
          return result;
        }
      }
    } catch (XMLStreamException e) {
      throw translate(e);
    }
  }

  void close() {
    try {
      reader.close();
    } catch (XMLStreamException ignored) {
      // nothing to release beyond memory
    }
  }

  /**
   * Before the root element, {@code <!} can only open a DOCTYPE (or a comment). Aalto with DTD
   * support off reports an internal subset as a generic syntax error, so catch it here by byte. A
   * NUL, 0xFE or 0xFF byte is never UTF-8 text: it is a UTF-16/32 document or BOM.
   */
  private void sniffProlog(byte[] bytes, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      byte b = bytes[i];
      if (b == 0 || b == (byte) 0xFE || b == (byte) 0xFF) {
        throw new XmppStreamException(UNSUPPORTED_ENCODING, "the stream must be UTF-8");
      }
      if (sawLessThan && b == '!') {
        throw restricted("DTDs and comments are not allowed in XMPP");
      }
      sawLessThan = b == '<';
    }
  }

  private XmppStreamEvent checkEncoding() {
    String declared = reader.getCharacterEncodingScheme();
    if (declared != null && !declared.equalsIgnoreCase("UTF-8")) {
      throw new XmppStreamException(
          UNSUPPORTED_ENCODING, "the stream must be UTF-8, not " + declared);
    }
    return null;
  }

  private XmppStreamEvent startElement() {
    if (opened) {
      assembler.start(reader);
      return null;
    }
    String namespace = StanzaAssembler.nullToEmpty(reader.getNamespaceURI());
    if (!reader.getLocalName().equals("stream")) {
      throw new XmppStreamException(
          NOT_WELL_FORMED, "expected <stream:stream>, got <" + reader.getLocalName() + ">");
    }
    if (!namespace.equals(XmppNamespaces.STREAMS)) {
      throw new XmppStreamException(
          INVALID_NAMESPACE, "the stream namespace must be " + XmppNamespaces.STREAMS);
    }
    StanzaAssembler.checkAttributeCount(reader, limits);
    Map<String, String> namespaces = new LinkedHashMap<>();
    for (int i = 0; i < reader.getNamespaceCount(); i++) {
      namespaces.put(
          StanzaAssembler.nullToEmpty(reader.getNamespacePrefix(i)),
          StanzaAssembler.nullToEmpty(reader.getNamespaceURI(i)));
    }
    opened = true;
    return new StreamOpened(StanzaAssembler.attributes(reader), namespaces);
  }

  private XmppStreamEvent endElement() {
    if (!assembler.inElement()) {
      return new StreamClosed();
    }
    XmlElement complete = assembler.end();
    return complete == null ? null : new Stanza(complete);
  }

  private XmppStreamEvent text() {
    if (assembler.inElement()) {
      assembler.text(reader.getText());
    } else if (opened && !reader.isWhiteSpace()) {
      // RFC 6120 §11.7 allows only whitespace between first-level elements.
      throw new XmppStreamException(BAD_FORMAT, "character data between stanzas");
    }
    return null;
  }

  private static XmppStreamException restricted(String text) {
    return new XmppStreamException(RESTRICTED_XML, text);
  }

  /**
   * Aalto reports these conditions only as exception messages; the tests pin the messages of the
   * Aalto version in use.
   */
  private static XmppStreamException translate(XMLStreamException e) {
    String message = String.valueOf(e.getMessage());
    String lower = message.toLowerCase(Locale.ROOT);
    String first = message.lines().findFirst().orElse(message);
    if (lower.contains("unsupported encoding")) {
      return new XmppStreamException(UNSUPPORTED_ENCODING, first);
    }
    if (lower.contains("entity")) {
      return new XmppStreamException(RESTRICTED_XML, first);
    }
    if (lower.contains("unbound namespace prefix")) {
      return new XmppStreamException(BAD_NAMESPACE_PREFIX, first);
    }
    return new XmppStreamException(NOT_WELL_FORMED, first);
  }
}
