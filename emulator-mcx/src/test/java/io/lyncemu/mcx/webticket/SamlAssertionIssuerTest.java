package io.lyncemu.mcx.webticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class SamlAssertionIssuerTest {
  private static final Instant NOW = Instant.parse("2013-06-01T09:00:00.123Z");
  private static final Instant LATER = Instant.parse("2013-06-01T17:00:00.123Z");
  private static final String APPLIES_TO =
      "https://atl-cs-001.litwareinc.com/Autodiscover/AutodiscoverService.svc/root/user";

  private final SamlAssertionIssuer issuer = TestKeys.issuer(TestKeys.POOL);

  @Test
  void issuesASaml11AssertionWithTheDocumentedShape() {
    SamlAssertionIssuer.SignedAssertion signed =
        issuer.issue("sip:kenmyer@litwareinc.com", APPLIES_TO, NOW, LATER);
    Document doc = Fixtures.parse(signed.xml());

    assertThat(signed.assertionId()).startsWith("SamlSecurityToken-");
    assertThat(Fixtures.text(doc, "/saml:Assertion/@MajorVersion")).isEqualTo("1");
    assertThat(Fixtures.text(doc, "/saml:Assertion/@MinorVersion")).isEqualTo("1");
    assertThat(Fixtures.text(doc, "/saml:Assertion/@AssertionID")).isEqualTo(signed.assertionId());
    assertThat(Fixtures.text(doc, "/saml:Assertion/@Issuer")).isEqualTo(issuer.issuer());
    assertThat(Fixtures.text(doc, "/saml:Assertion/@IssueInstant"))
        .isEqualTo("2013-06-01T09:00:00.123Z");
    assertThat(Fixtures.text(doc, "/saml:Assertion/saml:Conditions/@NotOnOrAfter"))
        .isEqualTo("2013-06-01T17:00:00.123Z");
    assertThat(
            Fixtures.text(
                doc,
                "/saml:Assertion/saml:Conditions/saml:AudienceRestrictionCondition/saml:Audience"))
        .isEqualTo(APPLIES_TO);
    for (String statement : new String[] {"AuthenticationStatement", "AttributeStatement"}) {
      String nameId = "/saml:Assertion/saml:" + statement + "/saml:Subject/saml:NameIdentifier";
      assertThat(Fixtures.text(doc, nameId)).isEqualTo("sip:kenmyer@litwareinc.com");
      assertThat(Fixtures.text(doc, nameId + "/@Format")).isEqualTo(WsNames.CLAIM_URI);
    }
    assertThat(
            Fixtures.text(
                doc, "/saml:Assertion/ds:Signature/ds:SignedInfo/ds:SignatureMethod/@Algorithm"))
        .isEqualTo("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256");
    assertThat(
            Fixtures.text(
                doc,
                "/saml:Assertion/ds:Signature/ds:SignedInfo/ds:CanonicalizationMethod/@Algorithm"))
        .isEqualTo("http://www.w3.org/2001/10/xml-exc-c14n#");
    assertThat(
            Fixtures.count(
                doc, "/saml:Assertion/ds:Signature/ds:KeyInfo/ds:X509Data/ds:X509Certificate"))
        .isEqualTo(1);
  }

  @Test
  void verifiesAnAssertionItIssued() {
    SamlAssertionIssuer.SignedAssertion signed =
        issuer.issue("sip:kenmyer@litwareinc.com", APPLIES_TO, NOW, LATER);

    assertThat(issuer.verify(signed.xml()))
        .contains(
            new SamlAssertionIssuer.VerifiedAssertion(
                signed.assertionId(), "sip:kenmyer@litwareinc.com", NOW, LATER));
  }

  @Test
  void rejectsATamperedAssertion() {
    String xml = issuer.issue("sip:kenmyer@litwareinc.com", APPLIES_TO, NOW, LATER).xml();
    String tampered = xml.replace("sip:kenmyer@litwareinc.com", "sip:admin@litwareinc.com");

    assertThat(tampered).isNotEqualTo(xml);
    assertThat(issuer.verify(tampered)).isEmpty();
  }

  @Test
  void rejectsAnExtendedExpiry() {
    String xml = issuer.issue("sip:kenmyer@litwareinc.com", APPLIES_TO, NOW, LATER).xml();

    assertThat(issuer.verify(xml.replace("2013-06-01T17:00:00.123Z", "2033-06-01T17:00:00.123Z")))
        .isEmpty();
  }

  @Test
  void rejectsAnAssertionSignedWithAnotherKey() {
    String forged =
        TestKeys.issuer(TestKeys.OTHER)
            .issue("sip:kenmyer@litwareinc.com", APPLIES_TO, NOW, LATER)
            .xml();

    assertThat(issuer.verify(forged)).isEmpty();
  }

  @Test
  void rejectsUnsignedAndNonAssertionInput() {
    String xml = issuer.issue("sip:kenmyer@litwareinc.com", APPLIES_TO, NOW, LATER).xml();
    String unsigned = xml.replaceAll("(?s)<ds:Signature.*</ds:Signature>", "");

    assertThat(unsigned).doesNotContain("Signature");
    assertThat(issuer.verify(unsigned)).isEmpty();
    assertThat(issuer.verify("<x/>")).isEmpty();
    assertThat(issuer.verify("not xml")).isEmpty();
    assertThat(issuer.verify("<!DOCTYPE x><x/>")).isEmpty();
  }

  @Test
  void writesSignatureValuesWithoutLineBreaks() {
    String xml = issuer.issue("sip:kenmyer@litwareinc.com", APPLIES_TO, NOW, LATER).xml();

    assertThat(xml).doesNotContain("&#13;").doesNotContain("\n");
    assertThat(issuer.verify(xml)).isPresent();
  }

  @Test
  void omitsTheAudienceWhenAppliesToIsEmpty() {
    Document doc = Fixtures.parse(issuer.issue("sip:a@b", "", NOW, LATER).xml());

    assertThat(Fixtures.count(doc, "//saml:AudienceRestrictionCondition")).isZero();
  }

  @Test
  void refusesACertificateThatDoesNotMatchTheKey() {
    assertThatThrownBy(
            () ->
                new SamlAssertionIssuer(
                    "urn:x", TestKeys.POOL.keyPair(), TestKeys.OTHER.certificate()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
