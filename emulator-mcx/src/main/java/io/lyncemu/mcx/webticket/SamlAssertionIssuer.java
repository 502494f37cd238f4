package io.lyncemu.mcx.webticket;

import io.lyncemu.mcx.xml.SafeXml;
import io.lyncemu.mcx.xml.XmlRejectedException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.xml.XMLConstants;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Builds and checks the SAML 1.1 web-ticket assertions of PROTOCOLS 2.4: {@code
 * AssertionID="SamlSecurityToken-<uuid>"}, Conditions with an audience of the AppliesTo address, an
 * AuthenticationStatement and an AttributeStatement naming the user's SIP URI, and an enveloped
 * XML-DSig signature (exclusive C14N, rsa-sha256, SHA-256 digest, X.509 certificate in KeyInfo).
 *
 * <p>Verification trusts only the configured key, never a certificate found in the document, and
 * requires the single reference to point at the root assertion, so signature-wrapping tricks fail.
 *
 * <p>Thread-safety: immutable; safe to share between request threads.
 */
public final class SamlAssertionIssuer {
  // The provider lookup behind getInstance costs more than a signature's XML work; the DOM factory
  // holds no per-signature state, so one instance serves every thread.
  private static final XMLSignatureFactory SIGNATURES = XMLSignatureFactory.getInstance("DOM");

  /** Every AssertionID starts with this, as on a real pool. */
  public static final String ASSERTION_ID_PREFIX = "SamlSecurityToken-";

  static final String AUTH_METHOD_UNSPECIFIED = "urn:oasis:names:tc:SAML:1.0:am:unspecified";
  static final String CONFIRMATION_BEARER = "urn:oasis:names:tc:SAML:1.0:cm:bearer";
  static final String CLAIMS_NAMESPACE = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims";
  private static final int MAX_ASSERTION_BYTES = 64 * 1024;
  private static final String SECURE_VALIDATION = "org.jcp.xml.dsig.secureValidation";

  private final String issuer;
  private final KeyPair keyPair;
  private final X509Certificate certificate;

  /**
   * @param issuer the {@code Issuer} attribute, e.g. {@code
   *     https://atl-cs-001.litwareinc.com/WebTicket/WebTicketService.svc}
   * @param keyPair the RSA signing key pair
   * @param certificate the certificate of {@code keyPair}'s public key, placed in KeyInfo
   */
  public SamlAssertionIssuer(String issuer, KeyPair keyPair, X509Certificate certificate) {
    this.issuer = Objects.requireNonNull(issuer, "issuer");
    this.keyPair = Objects.requireNonNull(keyPair, "keyPair");
    this.certificate = Objects.requireNonNull(certificate, "certificate");
    if (!"RSA".equals(keyPair.getPrivate().getAlgorithm())) {
      throw new IllegalArgumentException("web tickets are signed with RSA keys only");
    }
    if (!Arrays.equals(certificate.getPublicKey().getEncoded(), keyPair.getPublic().getEncoded())) {
      throw new IllegalArgumentException("certificate does not match the key pair");
    }
  }

  public String issuer() {
    return issuer;
  }

  /** A signed assertion as serialised text, with its id. */
  public record SignedAssertion(String assertionId, String xml) {
    public SignedAssertion {
      Objects.requireNonNull(assertionId, "assertionId");
      Objects.requireNonNull(xml, "xml");
    }
  }

  /** What a successfully verified assertion says. */
  public record VerifiedAssertion(
      String assertionId, String sipUri, Instant notBefore, Instant notOnOrAfter) {
    public VerifiedAssertion {
      Objects.requireNonNull(assertionId, "assertionId");
      Objects.requireNonNull(sipUri, "sipUri");
      Objects.requireNonNull(notBefore, "notBefore");
      Objects.requireNonNull(notOnOrAfter, "notOnOrAfter");
    }
  }

  /**
   * Issues and signs an assertion with a fresh AssertionID.
   *
   * @param sipUri the user, {@code sip:user@domain}
   * @param appliesTo the audience; empty for no audience restriction
   * @param issueInstant IssueInstant, NotBefore and AuthenticationInstant
   * @param notOnOrAfter end of validity
   */
  public SignedAssertion issue(
      String sipUri, String appliesTo, Instant issueInstant, Instant notOnOrAfter) {
    return issue(
        ASSERTION_ID_PREFIX + UUID.randomUUID(), sipUri, appliesTo, issueInstant, notOnOrAfter);
  }

  SignedAssertion issue(
      String assertionId,
      String sipUri,
      String appliesTo,
      Instant issueInstant,
      Instant notOnOrAfter) {
    Objects.requireNonNull(sipUri, "sipUri");
    Objects.requireNonNull(appliesTo, "appliesTo");
    Objects.requireNonNull(issueInstant, "issueInstant");
    Objects.requireNonNull(notOnOrAfter, "notOnOrAfter");
    if (!notOnOrAfter.isAfter(issueInstant)) {
      throw new IllegalArgumentException("notOnOrAfter must be after issueInstant");
    }
    Document doc = SafeXml.newDocument();
    Element assertion = doc.createElementNS(WsNames.SAML, "saml:Assertion");
    // Declare the prefix explicitly: C14N reads declarations from the DOM, not from fix-up.
    assertion.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:saml", WsNames.SAML);
    assertion.setAttribute("MajorVersion", "1");
    assertion.setAttribute("MinorVersion", "1");
    assertion.setAttribute("AssertionID", assertionId);
    assertion.setAttribute("Issuer", issuer);
    assertion.setAttribute("IssueInstant", XmlTime.format(issueInstant));
    assertion.setIdAttribute("AssertionID", true);
    doc.appendChild(assertion);

    Element conditions = saml(doc, assertion, "Conditions");
    conditions.setAttribute("NotBefore", XmlTime.format(issueInstant));
    conditions.setAttribute("NotOnOrAfter", XmlTime.format(notOnOrAfter));
    if (!appliesTo.isBlank()) {
      Element audience =
          saml(doc, saml(doc, conditions, "AudienceRestrictionCondition"), "Audience");
      audience.setTextContent(appliesTo);
    }

    Element authn = saml(doc, assertion, "AuthenticationStatement");
    authn.setAttribute("AuthenticationMethod", AUTH_METHOD_UNSPECIFIED);
    authn.setAttribute("AuthenticationInstant", XmlTime.format(issueInstant));
    subject(doc, authn, sipUri);

    Element attributes = saml(doc, assertion, "AttributeStatement");
    subject(doc, attributes, sipUri);
    Element attribute = saml(doc, attributes, "Attribute");
    attribute.setAttribute("AttributeName", "uri");
    attribute.setAttribute("AttributeNamespace", CLAIMS_NAMESPACE);
    saml(doc, attribute, "AttributeValue").setTextContent(sipUri);

    sign(assertion, assertionId);
    return new SignedAssertion(assertionId, SafeXml.serialize(assertion, false));
  }

  /**
   * Checks a presented assertion: well-formed, a SAML 1.1 Assertion root, signed by our key over
   * exactly that root. Time validity is not checked here (the store owns the clock).
   *
   * @return the verified facts, or empty for anything unacceptable (never throws for bad input)
   */
  public Optional<VerifiedAssertion> verify(String assertionXml) {
    Objects.requireNonNull(assertionXml, "assertionXml");
    Document doc;
    try {
      doc = SafeXml.parse(assertionXml, MAX_ASSERTION_BYTES);
    } catch (XmlRejectedException e) {
      return Optional.empty();
    }
    return verify(doc);
  }

  Optional<VerifiedAssertion> verify(Document doc) {
    Element root = doc.getDocumentElement();
    if (!WsNames.SAML.equals(root.getNamespaceURI()) || !"Assertion".equals(root.getLocalName())) {
      return Optional.empty();
    }
    String id = root.getAttribute("AssertionID");
    if (id.isEmpty()) {
      return Optional.empty();
    }
    root.setIdAttribute("AssertionID", true);
    List<Element> signatures =
        Elements.children(root).stream()
            .filter(e -> WsNames.DSIG.equals(e.getNamespaceURI()))
            .filter(e -> "Signature".equals(e.getLocalName()))
            .toList();
    if (signatures.size() != 1) {
      return Optional.empty();
    }
    try {
      DOMValidateContext context =
          new DOMValidateContext(
              KeySelector.singletonKeySelector(keyPair.getPublic()), signatures.get(0));
      context.setProperty(SECURE_VALIDATION, Boolean.TRUE);
      XMLSignature signature = SIGNATURES.unmarshalXMLSignature(context);
      List<?> references = signature.getSignedInfo().getReferences();
      if (references.size() != 1
          || !("#" + id).equals(((Reference) references.get(0)).getURI())
          || !signature.validate(context)) {
        return Optional.empty();
      }
    } catch (MarshalException | XMLSignatureException | ClassCastException e) {
      return Optional.empty();
    }
    return facts(root, id);
  }

  private static Optional<VerifiedAssertion> facts(Element root, String id) {
    Optional<Element> conditions = Elements.child(root, WsNames.SAML, "Conditions");
    Optional<String> sipUri =
        Elements.path(root, WsNames.SAML, "AuthenticationStatement", "Subject", "NameIdentifier")
            .flatMap(Elements::text);
    Optional<Instant> notBefore =
        conditions
            .flatMap(c -> Elements.attribute(c, "NotBefore"))
            .flatMap(SamlAssertionIssuer::time);
    Optional<Instant> notOnOrAfter =
        conditions
            .flatMap(c -> Elements.attribute(c, "NotOnOrAfter"))
            .flatMap(SamlAssertionIssuer::time);
    if (sipUri.isEmpty() || notBefore.isEmpty() || notOnOrAfter.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new VerifiedAssertion(id, sipUri.get(), notBefore.get(), notOnOrAfter.get()));
  }

  private static Optional<Instant> time(String text) {
    try {
      return Optional.of(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private void sign(Element assertion, String assertionId) {
    try {
      XMLSignatureFactory fac = SIGNATURES;
      List<Transform> transforms =
          List.of(
              fac.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null),
              fac.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null));
      Reference reference =
          fac.newReference(
              "#" + assertionId,
              fac.newDigestMethod(DigestMethod.SHA256, null),
              transforms,
              null,
              null);
      SignedInfo signedInfo =
          fac.newSignedInfo(
              fac.newCanonicalizationMethod(
                  CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
              fac.newSignatureMethod(SignatureMethod.RSA_SHA256, null),
              List.of(reference));
      KeyInfoFactory kif = fac.getKeyInfoFactory();
      KeyInfo keyInfo = kif.newKeyInfo(List.of(kif.newX509Data(List.of(certificate))));
      DOMSignContext context = new DOMSignContext(keyPair.getPrivate(), assertion);
      context.setDefaultNamespacePrefix("ds");
      fac.newXMLSignature(signedInfo, keyInfo).sign(context);
      // The JDK wraps base64 at 76 columns with CRLF, which serialises as "&#13;". Neither value
      // is covered by the digest (the enveloped transform drops the Signature), so unwrap them.
      for (String name : List.of("SignatureValue", "X509Certificate")) {
        NodeList nodes = assertion.getElementsByTagNameNS(WsNames.DSIG, name);
        for (int i = 0; i < nodes.getLength(); i++) {
          nodes.item(i).setTextContent(nodes.item(i).getTextContent().replaceAll("\\s+", ""));
        }
      }
    } catch (GeneralSecurityException | MarshalException | XMLSignatureException e) {
      throw new IllegalStateException("signing the web ticket failed", e);
    }
  }

  private static Element saml(Document doc, Element parent, String localName) {
    Element e = doc.createElementNS(WsNames.SAML, "saml:" + localName);
    parent.appendChild(e);
    return e;
  }

  private static void subject(Document doc, Element statement, String sipUri) {
    Element subject = saml(doc, statement, "Subject");
    Element nameId = saml(doc, subject, "NameIdentifier");
    nameId.setAttribute("Format", WsNames.CLAIM_URI);
    nameId.setTextContent(sipUri);
    Element confirmation = saml(doc, subject, "SubjectConfirmation");
    saml(doc, confirmation, "ConfirmationMethod").setTextContent(CONFIRMATION_BEARER);
  }

  /** The public half of the signing key, for callers that publish it. */
  public PublicKey publicKey() {
    return keyPair.getPublic();
  }
}
