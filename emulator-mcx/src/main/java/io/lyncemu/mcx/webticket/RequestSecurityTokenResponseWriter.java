package io.lyncemu.mcx.webticket;

import io.lyncemu.mcx.xml.SafeXml;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import javax.xml.XMLConstants;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Writes the WS-Trust 1.3 {@code RequestSecurityTokenResponseCollection} of PROTOCOLS 2.4 in a SOAP
 * 1.1 envelope with action {@code RSTRC/IssueFinal}: TokenType, the token (signed assertion, or
 * {@code <UserToken>cwt=…</UserToken>} for compact kinds), attached/unattached references to the
 * AssertionID, a proof key computed with {@code CK/PSHA1} when the client sent entropy, and the
 * Lifetime.
 *
 * <p>Thread-safety: safe to share if the injected {@link RandomGenerator} is (a {@link
 * java.security.SecureRandom} is); calls draw from it under a lock otherwise held by nobody.
 */
public final class RequestSecurityTokenResponseWriter {
  /** Server entropy and proof-key size: 256 bits, as WCF and sipe use. */
  public static final int KEY_BYTES = 32;

  private final RandomGenerator random;

  public RequestSecurityTokenResponseWriter(RandomGenerator random) {
    this.random = Objects.requireNonNull(random, "random");
  }

  /**
   * The written response.
   *
   * @param xml the SOAP envelope, with XML declaration, ready to send as {@code text/xml;
   *     charset=utf-8}
   * @param proofKey base64 of the 32-byte computed proof key, when one was agreed; the service
   *     keeps it to check proof-signed requests later
   */
  public record Response(String xml, Optional<String> proofKey) {
    public Response {
      Objects.requireNonNull(xml, "xml");
      Objects.requireNonNull(proofKey, "proofKey");
    }

    public byte[] bytes() {
      return xml.getBytes(StandardCharsets.UTF_8);
    }
  }

  /** Builds the RSTR for {@code ticket}, answering {@code request}. */
  public Response write(RequestSecurityToken request, IssuedTicket ticket) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(ticket, "ticket");
    Document doc = SafeXml.newDocument();
    Element envelope = doc.createElementNS(WsNames.SOAP11, "s:Envelope");
    declare(envelope, "s", WsNames.SOAP11);
    declare(envelope, "a", WsNames.WSA);
    doc.appendChild(envelope);

    Element header = child(doc, envelope, WsNames.SOAP11, "s:Header");
    Element action = child(doc, header, WsNames.WSA, "a:Action");
    action.setAttributeNS(WsNames.SOAP11, "s:mustUnderstand", "1");
    action.setTextContent(WsNames.ACTION_RSTRC_ISSUE_FINAL);
    request
        .messageId()
        .ifPresent(id -> child(doc, header, WsNames.WSA, "a:RelatesTo").setTextContent(id));

    Element body = child(doc, envelope, WsNames.SOAP11, "s:Body");
    Element collection =
        child(doc, body, WsNames.WST, "wst:RequestSecurityTokenResponseCollection");
    declare(collection, "wst", WsNames.WST);
    declare(collection, "wsu", WsNames.WSU);
    declare(collection, "wsse", WsNames.WSSE);
    Element rstr = child(doc, collection, WsNames.WST, "wst:RequestSecurityTokenResponse");
    request.context().ifPresent(c -> rstr.setAttribute("Context", c));

    String tokenType =
        request.tokenType().or(ticket.kind()::tokenType).orElse(WsNames.TOKEN_TYPE_SAML11);
    child(doc, rstr, WsNames.WST, "wst:TokenType").setTextContent(tokenType);

    Element requested = child(doc, rstr, WsNames.WST, "wst:RequestedSecurityToken");
    if (ticket.kind().compact()) {
      // Observed as an unqualified element; keep it out of any inherited default namespace.
      Element userToken = doc.createElementNS(null, "UserToken");
      userToken.setTextContent(ticket.cwt());
      requested.appendChild(userToken);
    } else {
      Document assertion = SafeXml.parse(ticket.assertionXml(), 1 << 20);
      requested.appendChild(doc.importNode(assertion.getDocumentElement(), true));
      reference(doc, rstr, "wst:RequestedAttachedReference", ticket.assertionId());
      reference(doc, rstr, "wst:RequestedUnattachedReference", ticket.assertionId());
    }

    Optional<String> proofKey = Optional.empty();
    Optional<byte[]> clientEntropy = request.clientEntropyBytes();
    if (clientEntropy.isPresent()) {
      byte[] serverEntropy = new byte[KEY_BYTES];
      synchronized (this) {
        random.nextBytes(serverEntropy);
      }
      Element proof = child(doc, rstr, WsNames.WST, "wst:RequestedProofToken");
      child(doc, proof, WsNames.WST, "wst:ComputedKey").setTextContent(WsNames.COMPUTED_KEY_PSHA1);
      Element entropy = child(doc, rstr, WsNames.WST, "wst:Entropy");
      Element secret = child(doc, entropy, WsNames.WST, "wst:BinarySecret");
      secret.setAttribute("Type", WsNames.BINARY_SECRET_NONCE);
      secret.setTextContent(Base64.getEncoder().encodeToString(serverEntropy));
      child(doc, rstr, WsNames.WST, "wst:KeySize").setTextContent(String.valueOf(KEY_BYTES * 8));
      proofKey =
          Optional.of(
              Base64.getEncoder()
                  .encodeToString(PSha1.derive(clientEntropy.get(), serverEntropy, KEY_BYTES)));
    }

    Element lifetime = child(doc, rstr, WsNames.WST, "wst:Lifetime");
    child(doc, lifetime, WsNames.WSU, "wsu:Created")
        .setTextContent(XmlTime.format(ticket.issued()));
    child(doc, lifetime, WsNames.WSU, "wsu:Expires")
        .setTextContent(XmlTime.format(ticket.expires()));

    request
        .appliesTo()
        .ifPresent(
            address -> {
              Element appliesTo = child(doc, rstr, WsNames.WSP, "wsp:AppliesTo");
              declare(appliesTo, "wsp", WsNames.WSP);
              Element epr = child(doc, appliesTo, WsNames.WSA, "a:EndpointReference");
              child(doc, epr, WsNames.WSA, "a:Address").setTextContent(address);
            });
    return new Response(SafeXml.serialize(doc, true), proofKey);
  }

  private static void reference(Document doc, Element rstr, String name, String assertionId) {
    Element holder = child(doc, rstr, WsNames.WST, name);
    Element str = child(doc, holder, WsNames.WSSE, "wsse:SecurityTokenReference");
    Element keyId = child(doc, str, WsNames.WSSE, "wsse:KeyIdentifier");
    keyId.setAttribute("ValueType", WsNames.SAML_ASSERTION_ID_VALUE_TYPE);
    keyId.setTextContent(assertionId);
  }

  private static Element child(Document doc, Element parent, String ns, String qualifiedName) {
    Element e = doc.createElementNS(ns, qualifiedName);
    parent.appendChild(e);
    return e;
  }

  private static void declare(Element e, String prefix, String ns) {
    e.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:" + prefix, ns);
  }
}
