package io.lyncemu.edge.xmpp.stream;

import java.util.Map;
import java.util.Objects;

/**
 * Our side of the stream as UTF-8-ready text: the header, elements, stream errors and the close.
 * Elements are written for the inside of a header from {@link #streamHeader}: the default namespace
 * {@code jabber:server}, and the {@code stream:} and {@code db:} prefixes, which are used for their
 * namespaces (old dialback peers match on {@code db:result} literally). Any other namespace that
 * differs from the one in scope gets an {@code xmlns} declaration.
 */
public final class XmppStreamWriter {
  private static final String DECLARATION = "<?xml version='1.0'?>";
  private static final String CLOSE = "</stream:stream>";

  private XmppStreamWriter() {}

  /**
   * Our stream header, with the XML declaration RFC 6120 §11.5 recommends. {@code from}, {@code to}
   * and {@code id} may be null to leave them out (the initiating side sends no id).
   */
  public static String streamHeader(String from, String to, String id) {
    StringBuilder out = new StringBuilder(256).append(DECLARATION).append("<stream:stream");
    attribute(out, "xmlns", XmppNamespaces.SERVER);
    attribute(out, "xmlns:stream", XmppNamespaces.STREAMS);
    attribute(out, "xmlns:db", XmppNamespaces.DIALBACK);
    if (from != null) {
      attribute(out, "from", from);
    }
    if (to != null) {
      attribute(out, "to", to);
    }
    if (id != null) {
      attribute(out, "id", id);
    }
    attribute(out, "version", "1.0");
    return out.append('>').toString();
  }

  /** One element (a stanza, features, dialback, ...) as sent inside our stream. */
  public static String element(XmlElement element) {
    StringBuilder out = new StringBuilder(128);
    write(out, element, XmppNamespaces.SERVER);
    return out.toString();
  }

  /** {@code <stream:error>} with the condition and optional text, then the stream close. */
  public static String streamError(StreamErrorCondition condition, String text) {
    XmlElement.Builder error =
        XmlElement.builder("error", XmppNamespaces.STREAMS)
            .child(XmlElement.empty(condition.wireName(), XmppNamespaces.STREAM_ERRORS));
    if (text != null && !text.isEmpty()) {
      error.child(XmlElement.builder("text", XmppNamespaces.STREAM_ERRORS).text(text));
    }
    return element(error.build()) + CLOSE;
  }

  /** The stream error for what the decoder rejected. */
  public static String streamError(XmppStreamException error) {
    return streamError(error.condition(), error.getMessage());
  }

  public static String streamClose() {
    return CLOSE;
  }

  private static void write(StringBuilder out, XmlElement element, String defaultNamespace) {
    String tag = checkName(element.name());
    String namespace = element.namespace();
    String inScope = defaultNamespace;
    if (namespace.equals(XmppNamespaces.STREAMS)) {
      tag = "stream:" + tag;
    } else if (namespace.equals(XmppNamespaces.DIALBACK)) {
      tag = "db:" + tag;
    }
    out.append('<').append(tag);
    if (tag.indexOf(':') < 0 && !namespace.equals(defaultNamespace)) {
      attribute(out, "xmlns", namespace);
      inScope = namespace;
    }
    int declared = 0;
    for (Map.Entry<String, String> a : element.attributes().entrySet()) {
      String key = a.getKey();
      if (key.startsWith("{")) {
        // An attribute in a namespace: give it a throwaway prefix on this element.
        int end = key.indexOf('}');
        String prefix = "a" + declared++;
        attribute(out, "xmlns:" + prefix, key.substring(1, end));
        key = prefix + ":" + checkName(key.substring(end + 1));
      } else if (!key.equals("xml:lang")) {
        checkName(key);
      }
      attribute(out, key, a.getValue());
    }
    if (element.children().isEmpty() && element.text().isEmpty()) {
      out.append("/>");
      return;
    }
    out.append('>');
    escape(out, element.text(), false);
    for (XmlElement child : element.children()) {
      write(out, child, inScope);
    }
    out.append("</").append(tag).append('>');
  }

  private static void attribute(StringBuilder out, String name, String value) {
    out.append(' ').append(name).append("='");
    escape(out, value, true);
    out.append('\'');
  }

  /**
   * Escapes for content or a single-quoted attribute. Whitespace controls become character
   * references where a parser would otherwise normalise them (CR in text, all three in attributes),
   * so the peer reads back exactly what we hold.
   */
  static void escape(StringBuilder out, String s, boolean attribute) {
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      checkChar(c);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '\r' -> out.append("&#13;");
        case '\'' -> out.append(attribute ? "&apos;" : "'");
        case '"' -> out.append(attribute ? "&quot;" : "\"");
        case '\n' -> out.append(attribute ? "&#10;" : "\n");
        case '\t' -> out.append(attribute ? "&#9;" : "\t");
        default -> out.appendCodePoint(c);
      }
      i += Character.charCount(c);
    }
  }

  /** XML 1.0 Char: anything else (NUL, lone surrogates, U+FFFE) would break the peer's parser. */
  private static void checkChar(int c) {
    boolean ok =
        c == 0x9
            || c == 0xA
            || c == 0xD
            || (c >= 0x20 && c <= 0xD7FF)
            || (c >= 0xE000 && c <= 0xFFFD)
            || (c >= 0x10000 && c <= 0x10FFFF);
    if (!ok) {
      throw new IllegalArgumentException(
          "U+"
              + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT)
              + " is not allowed in XML");
    }
  }

  private static String checkName(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isEmpty() || !name.chars().allMatch(XmppStreamWriter::isNameChar)) {
      throw new IllegalArgumentException("not an XML local name: " + name);
    }
    return name;
  }

  private static boolean isNameChar(int c) {
    return Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.' || c > 0x7F;
  }
}
