package io.lyncemu.mcx.webticket;

import io.lyncemu.mcx.webticket.RequestSecurityTokenException.Reason;
import io.lyncemu.mcx.xml.SafeXml;
import io.lyncemu.mcx.xml.XmlRejectedException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Reads a SOAP envelope carrying a WS-Trust {@code RequestSecurityToken}.
 *
 * <p>Deliberately tolerant about everything a real client might vary (SOAP 1.1 or 1.2, WS-Trust 1.3
 * or 2005/02 element namespace, header present or not, missing optional elements) and strict only
 * where the request is unusable: no envelope, no Body, no RST, or an undecodable value.
 *
 * <p>Thread-safety: immutable and safe to share.
 */
public final class RequestSecurityTokenParser {
  private static final String WST_2005 = "http://schemas.xmlsoap.org/ws/2005/02/trust";
  private static final Set<String> ENVELOPE_NAMESPACES = Set.of(WsNames.SOAP11, WsNames.SOAP12);
  private static final Set<String> TRUST_NAMESPACES = Set.of(WsNames.WST, WST_2005);

  private final int maxBytes;

  /**
   * @param maxBytes the largest request body accepted (see {@link SafeXml#DEFAULT_MAX_BYTES})
   */
  public RequestSecurityTokenParser(int maxBytes) {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
    }
    this.maxBytes = maxBytes;
  }

  /**
   * Parses a raw request body.
   *
   * @throws XmlRejectedException when the bytes are not acceptable XML (DTD, malformed, …)
   * @throws RequestSecurityTokenException when the XML is not a usable RST envelope
   */
  public RequestSecurityToken parse(byte[] body) {
    return parse(SafeXml.parse(body, maxBytes));
  }

  /**
   * Parses an already safely-parsed document.
   *
   * @throws RequestSecurityTokenException when the XML is not a usable RST envelope
   */
  public RequestSecurityToken parse(Document document) {
    Objects.requireNonNull(document, "document");
    Element envelope = document.getDocumentElement();
    String envelopeNs = Objects.requireNonNullElse(envelope.getNamespaceURI(), "");
    if (!"Envelope".equals(envelope.getLocalName()) || !ENVELOPE_NAMESPACES.contains(envelopeNs)) {
      throw new RequestSecurityTokenException(
          Reason.NOT_SOAP_ENVELOPE, "The request is not a SOAP envelope.");
    }
    String soapNs = envelope.getNamespaceURI();
    Element body =
        Elements.child(envelope, soapNs, "Body")
            .orElseThrow(
                () ->
                    new RequestSecurityTokenException(
                        Reason.MISSING_BODY, "The SOAP envelope has no Body."));
    Element rst =
        Elements.children(body).stream()
            .filter(e -> "RequestSecurityToken".equals(e.getLocalName()))
            .filter(
                e -> TRUST_NAMESPACES.contains(Objects.requireNonNullElse(e.getNamespaceURI(), "")))
            .findFirst()
            .orElseThrow(
                () ->
                    new RequestSecurityTokenException(
                        Reason.MISSING_REQUEST_SECURITY_TOKEN,
                        "The SOAP Body has no RequestSecurityToken."));
    String wst = rst.getNamespaceURI();
    Optional<Element> header = Elements.child(envelope, soapNs, "Header");

    Optional<Element> lifetime = Elements.child(rst, wst, "Lifetime");
    return new RequestSecurityToken(
        Elements.attribute(rst, "Context"),
        Elements.child(rst, wst, "TokenType").flatMap(Elements::text),
        Elements.child(rst, wst, "RequestType").flatMap(Elements::text),
        appliesTo(rst),
        claimedSipUri(rst, wst),
        clientEntropy(rst, wst),
        Elements.child(rst, wst, "KeyType").flatMap(Elements::text),
        lifetime.flatMap(l -> instant(l, "Created")),
        lifetime.flatMap(l -> instant(l, "Expires")),
        header.flatMap(RequestSecurityTokenParser::usernameToken),
        header.flatMap(h -> Elements.child(h, null, "MessageID")).flatMap(Elements::text));
  }

  private static Optional<String> appliesTo(Element rst) {
    // AppliesTo is WS-Policy and the EPR is WS-Addressing; clients differ in which versions.
    return Elements.path(rst, null, "AppliesTo", "EndpointReference", "Address")
        .flatMap(Elements::text);
  }

  private static Optional<String> claimedSipUri(Element rst, String wst) {
    return Elements.child(rst, wst, "Claims").stream()
        .flatMap(claims -> Elements.children(claims).stream())
        .filter(c -> "ClaimType".equals(c.getLocalName()))
        .filter(c -> WsNames.CLAIM_URI.equals(c.getAttribute("Uri").trim()))
        .map(c -> Elements.child(c, null, "Value").flatMap(Elements::text))
        .flatMap(Optional::stream)
        .findFirst();
  }

  private static Optional<String> clientEntropy(Element rst, String wst) {
    Optional<String> secret =
        Elements.path(rst, wst, "Entropy", "BinarySecret").flatMap(Elements::text);
    secret.ifPresent(
        s -> {
          try {
            byte[] bytes = Base64.getMimeDecoder().decode(s);
            if (bytes.length == 0) {
              throw new IllegalArgumentException("empty");
            }
          } catch (IllegalArgumentException e) {
            throw new RequestSecurityTokenException(
                Reason.INVALID_VALUE, "The Entropy BinarySecret is not valid base64.");
          }
        });
    return secret;
  }

  private static Optional<Instant> instant(Element lifetime, String name) {
    return Elements.child(lifetime, WsNames.WSU, name)
        .flatMap(Elements::text)
        .map(
            text -> {
              try {
                return OffsetDateTime.parse(text).toInstant();
              } catch (DateTimeParseException e) {
                throw new RequestSecurityTokenException(
                    Reason.INVALID_VALUE, "The Lifetime " + name + " is not an ISO-8601 dateTime.");
              }
            });
  }

  private static Optional<UsernameToken> usernameToken(Element header) {
    Optional<Element> token = Elements.path(header, WsNames.WSSE, "Security", "UsernameToken");
    if (token.isEmpty()) {
      return Optional.empty();
    }
    String username =
        Elements.child(token.get(), WsNames.WSSE, "Username")
            .flatMap(Elements::text)
            .orElseThrow(
                () ->
                    new RequestSecurityTokenException(
                        Reason.INVALID_VALUE, "The UsernameToken has no Username."));
    // A password may legitimately be whitespace-free but must be present; do not trim it.
    String password =
        Elements.child(token.get(), WsNames.WSSE, "Password")
            .map(Element::getTextContent)
            .orElseThrow(
                () ->
                    new RequestSecurityTokenException(
                        Reason.INVALID_VALUE, "The UsernameToken has no Password."));
    Decoded user = decodeLenient(username);
    Decoded pass = decodeLenient(password);
    return Optional.of(
        new UsernameToken(user.text(), pass.text(), user.encoding(), pass.encoding()));
  }

  private record Decoded(String text, UsernameToken.Encoding encoding) {}

  /**
   * Lync clients base64 both UsernameToken fields; other clients send plain text. Treat a value as
   * base64 only if it decodes to non-empty, valid UTF-8 without control characters, which a plain
   * password that happens to be valid base64 almost never does.
   */
  private static Decoded decodeLenient(String raw) {
    String candidate = raw.trim();
    if (!candidate.isEmpty()) {
      try {
        byte[] bytes = Base64.getDecoder().decode(candidate);
        String text =
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
        if (!text.isEmpty() && text.chars().noneMatch(Character::isISOControl)) {
          return new Decoded(text, UsernameToken.Encoding.BASE64);
        }
      } catch (IllegalArgumentException | CharacterCodingException e) {
        // Not base64 text: fall through to plain.
      }
    }
    return new Decoded(raw, UsernameToken.Encoding.PLAIN);
  }
}
