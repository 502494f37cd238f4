package io.lyncemu.mcx.autodiscover;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lyncemu.core.EmulatorException;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes an {@link AutodiscoverDocument} in the chosen {@link AutodiscoverFormat}: the XML {@code
 * AutodiscoverResponse} (MS-OCDISCWS and the "Understanding Autodiscover" sample), DataContract
 * JSON with {@code \/}-escaped slashes as .NET's serializer writes them, or HAL {@code _links}.
 * Stateless and thread-safe.
 */
public final class AutodiscoverRenderer {
  private static final String XSD = "http://www.w3.org/2001/XMLSchema";
  private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
  private static final XMLOutputFactory XML_OUTPUT = XMLOutputFactory.newFactory();
  private static final ObjectMapper HAL = new ObjectMapper();
  private static final ObjectMapper DATA_CONTRACT = dataContractMapper();

  /** A rendered body with the content type to send it with. */
  public record Rendered(String contentType, byte[] body) {}

  public Rendered render(AutodiscoverDocument document, AutodiscoverFormat format) {
    byte[] body =
        switch (format) {
          case XML -> xml(document);
          case DATA_CONTRACT_JSON -> dataContract(document);
          case HAL_JSON -> hal(document);
        };
    return new Rendered(format.contentType(), body);
  }

  private static byte[] xml(AutodiscoverDocument document) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      XMLStreamWriter out = XML_OUTPUT.createXMLStreamWriter(bytes, "UTF-8");
      out.writeStartDocument("UTF-8", "1.0");
      out.writeStartElement("AutodiscoverResponse");
      out.writeNamespace("xsd", XSD);
      out.writeNamespace("xsi", XSI);
      out.writeAttribute("AccessLocation", document.location().wireName());
      out.writeStartElement(document.resource().element());
      for (SipAccess access : document.access()) {
        out.writeEmptyElement(access.element());
        out.writeAttribute("fqdn", access.fqdn());
        out.writeAttribute("port", Integer.toString(access.port()));
      }
      for (AutodiscoverLink link : document.links()) {
        out.writeEmptyElement("Link");
        out.writeAttribute("token", link.token());
        out.writeAttribute("href", link.href());
      }
      out.writeEndElement();
      out.writeEndElement();
      out.writeEndDocument();
      out.close();
    } catch (XMLStreamException e) {
      throw new EmulatorException("cannot write an autodiscover response", e);
    }
    return bytes.toByteArray();
  }

  private static byte[] dataContract(AutodiscoverDocument document) {
    ObjectNode root = DATA_CONTRACT.createObjectNode();
    root.put("AccessLocation", document.location().wireName());
    ObjectNode resource = root.putObject(document.resource().element());
    ArrayNode links = resource.putArray("Links");
    for (AutodiscoverLink link : document.links()) {
      links.addObject().put("href", link.href()).put("token", link.token());
    }
    // DataContractJsonSerializer writes members in alphabetical order unless told otherwise.
    document.access().stream()
        .sorted((a, b) -> a.element().compareTo(b.element()))
        .forEach(
            access ->
                resource
                    .putObject(access.element())
                    .put("fqdn", access.fqdn())
                    .put("port", access.port()));
    return write(DATA_CONTRACT, root);
  }

  private static byte[] hal(AutodiscoverDocument document) {
    ObjectNode root = HAL.createObjectNode();
    ObjectNode links = root.putObject("_links");
    for (Map.Entry<String, AutodiscoverDocument.HalLink> link : document.hal().entrySet()) {
      ObjectNode node = links.putObject(link.getKey()).put("href", link.getValue().href());
      if (!link.getValue().revision().isEmpty()) {
        node.put("revision", link.getValue().revision());
      }
    }
    return write(HAL, root);
  }

  private static byte[] write(ObjectMapper mapper, ObjectNode node) {
    try {
      return mapper.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new EmulatorException("cannot write an autodiscover response", e);
    }
  }

  private static ObjectMapper dataContractMapper() {
    ObjectMapper mapper = new ObjectMapper();
    mapper.getFactory().setCharacterEscapes(new SlashEscapes());
    return mapper;
  }

  /** Standard JSON escaping plus {@code /} as {@code \/}, as .NET's DataContract JSON does. */
  private static final class SlashEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private static final SerializedString SLASH = new SerializedString("\\/");
    private final int[] escapes;

    SlashEscapes() {
      escapes = CharacterEscapes.standardAsciiEscapesForJSON();
      escapes['/'] = CharacterEscapes.ESCAPE_CUSTOM;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return escapes;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return ch == '/' ? SLASH : null;
    }
  }
}
