package io.lyncemu.synthetic;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The WS-Trust side of the Web Ticket service's WinNegotiate port: the RequestSecurityToken a
 * Windows client posts (SOAP 1.1, no SOAP header: identity comes from HTTP authentication), and
 * reading the SAML assertion or the SOAP fault out of the answer. Stateless.
 */
final class WsTrustMessages {
  static final String SOAP_ACTION =
      "\"http://docs.oasis-open.org/ws-sx/ws-trust/200512/RST/Issue\"";
  static final String CONTENT_TYPE = "text/xml; charset=utf-8";
  private static final String SAML = "urn:oasis:names:tc:SAML:1.0:assertion";
  private static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
  private static final String AF = "urn:component:Microsoft.Rtc.WebAuthentication.2010";

  private WsTrustMessages() {}

  /**
   * An RST for a SAML 1.1 ticket for {@code appliesTo}, claiming {@code sipUri} so that the service
   * refuses a credential that belongs to someone else.
   */
  static byte[] requestSecurityToken(String appliesTo, String sipUri) {
    String xml =
        "<?xml version=\"1.0\"?>"
            + "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\""
            + " xmlns:wst=\"http://docs.oasis-open.org/ws-sx/ws-trust/200512\""
            + " xmlns:wsp=\"http://schemas.xmlsoap.org/ws/2004/09/policy\""
            + " xmlns:wsa=\"http://www.w3.org/2005/08/addressing\""
            + " xmlns:auth=\"http://schemas.xmlsoap.org/ws/2006/12/authorization\">"
            + "<s:Body>"
            + "<wst:RequestSecurityToken Context=\""
            + UUID.randomUUID()
            + "\">"
            + "<wst:TokenType>http://docs.oasis-open.org/wss/oasis-wss-saml-token-profile-1.1#SAMLV1.1</wst:TokenType>"
            + "<wst:RequestType>http://schemas.xmlsoap.org/ws/2005/02/trust/Issue</wst:RequestType>"
            + "<wsp:AppliesTo><wsa:EndpointReference><wsa:Address>"
            + escape(appliesTo)
            + "</wsa:Address></wsa:EndpointReference></wsp:AppliesTo>"
            + "<wst:Claims Dialect=\"urn:component:Microsoft.Rtc.WebAuthentication.2010:authclaims\">"
            + "<auth:ClaimType Uri=\"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/uri\""
            + " Optional=\"false\"><auth:Value>"
            + escape(sipUri)
            + "</auth:Value></auth:ClaimType></wst:Claims>"
            + "</wst:RequestSecurityToken>"
            + "</s:Body></s:Envelope>";
    return xml.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The {@code saml:Assertion} exactly as the service wrote it. The signature covers the
   * assertion's bytes after canonicalisation, so the text is cut from the answer rather than
   * re-serialised whenever the assertion declares its own namespace (it does, being signed with
   * exclusive C14N); otherwise it is serialised with the declarations it needs.
   */
  static Optional<String> assertion(byte[] rstr) {
    Optional<Document> doc = XmlDocuments.parse(rstr);
    Optional<Element> element = doc.flatMap(d -> XmlDocuments.first(d, SAML, "Assertion"));
    if (element.isEmpty()) {
      return Optional.empty();
    }
    String prefix = element.get().getPrefix();
    String tag = prefix == null ? "Assertion" : prefix + ":Assertion";
    String text = new String(rstr, StandardCharsets.UTF_8);
    int start = text.indexOf("<" + tag);
    int end = text.indexOf("</" + tag + ">", start);
    String declaration = prefix == null ? "xmlns=\"" : "xmlns:" + prefix + "=\"";
    if (start >= 0 && end > start) {
      String cut = text.substring(start, end + tag.length() + 3);
      int startTagEnd = cut.indexOf('>');
      if (cut.substring(0, startTagEnd).contains(declaration + SAML + "\"")) {
        return Optional.of(cut);
      }
    }
    return Optional.of(XmlDocuments.serialize(element.get()));
  }

  /** The reason of a Web Ticket SOAP fault: {@code af:Reason}, else the {@code faultstring}. */
  static Optional<String> faultReason(byte[] body) {
    Optional<Document> doc = XmlDocuments.parse(body);
    if (doc.isEmpty() || XmlDocuments.first(doc.get(), SOAP11, "Fault").isEmpty()) {
      return Optional.empty();
    }
    Optional<String> reason =
        XmlDocuments.first(doc.get(), AF, "Reason").map(Element::getTextContent).map(String::trim);
    if (reason.isPresent() && !reason.get().isEmpty()) {
      return reason;
    }
    var strings = doc.get().getElementsByTagName("faultstring");
    return strings.getLength() == 0
        ? Optional.of("")
        : Optional.of(strings.item(0).getTextContent().trim());
  }

  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
