package io.lyncemu.mcx.webticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lyncemu.mcx.xml.XmlRejectedException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class RequestSecurityTokenParserTest {
  private final RequestSecurityTokenParser parser = new RequestSecurityTokenParser(64 * 1024);

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static RequestSecurityTokenException.Reason failureOf(
      RequestSecurityTokenParser parser, String xml) {
    try {
      parser.parse(utf8(xml));
    } catch (RequestSecurityTokenException e) {
      return e.reason();
    }
    throw new AssertionError("accepted: " + xml);
  }

  @Test
  void readsEveryPartOfASipeShapedRequest() {
    RequestSecurityToken rst = parser.parse(Fixtures.bytes("sipe-rst.xml"));

    assertThat(rst.context()).contains("7b0e1c9a-41d2-4f6e-9a55-2f3c4d5e6f70");
    assertThat(rst.tokenType()).contains(WsNames.TOKEN_TYPE_SAML11);
    assertThat(rst.requestedKind()).contains(TicketKind.SAML_1_1);
    assertThat(rst.requestType()).contains(WsNames.REQUEST_TYPE_ISSUE_2005);
    assertThat(rst.appliesTo())
        .contains(
            "https://atl-cs-001.litwareinc.com/Autodiscover/AutodiscoverService.svc/root/user");
    assertThat(rst.claimedSipUri()).contains("sip:kenmyer@litwareinc.com");
    assertThat(rst.clientEntropyBytes()).hasValueSatisfying(b -> assertThat(b).hasSize(32));
    assertThat(rst.keyType()).contains(WsNames.KEY_TYPE_SYMMETRIC);
    assertThat(rst.lifetimeCreated()).isEmpty();
    assertThat(rst.usernameToken()).isEmpty();
    assertThat(rst.messageId()).isEmpty();
  }

  @Test
  void decodesTheBase64UsernameTokenOfAnAuthPortRequest() {
    RequestSecurityToken rst = parser.parse(Fixtures.bytes("auth-usernametoken-rst.xml"));

    assertThat(rst.requestedKind()).contains(TicketKind.USER_CWT_1);
    assertThat(rst.appliesTo())
        .contains("https://lyncweb.litwareinc.com/WebTicket/WebTicketService.svc/Auth");
    assertThat(rst.requestedLifetime()).contains(Duration.ofMinutes(15));
    assertThat(rst.lifetimeCreated()).contains(Instant.parse("2013-06-01T09:00:00Z"));
    assertThat(rst.messageId()).contains("urn:uuid:0f6b2a5e-3c1d-4e8f-9a7b-6c5d4e3f2a1b");
    assertThat(rst.clientEntropy()).isEmpty();
    assertThat(rst.claimedSipUri()).isEmpty();
    UsernameToken token = rst.usernameToken().orElseThrow();
    assertThat(token.username()).isEqualTo("LITWAREINC\\kenmyer");
    assertThat(token.domain()).contains("LITWAREINC");
    assertThat(token.account()).isEqualTo("kenmyer");
    assertThat(token.password()).isEqualTo("Pass@word1");
    assertThat(token.usernameEncoding()).isEqualTo(UsernameToken.Encoding.BASE64);
    assertThat(token.passwordEncoding()).isEqualTo(UsernameToken.Encoding.BASE64);
    assertThat(token.toString()).doesNotContain("Pass@word1");
  }

  @Test
  void acceptsPlainTextUsernameTokenFieldsWhenTheyAreNotBase64Text() {
    String xml =
        new String(Fixtures.bytes("auth-usernametoken-rst.xml"), StandardCharsets.UTF_8)
            .replace("TElUV0FSRUlOQ1xrZW5teWVy", "kenmyer@litwareinc.com")
            .replace("UGFzc0B3b3JkMQ==", "Password");

    UsernameToken token = parser.parse(utf8(xml)).usernameToken().orElseThrow();

    assertThat(token.username()).isEqualTo("kenmyer@litwareinc.com");
    assertThat(token.usernameEncoding()).isEqualTo(UsernameToken.Encoding.PLAIN);
    assertThat(token.domain()).isEmpty();
    assertThat(token.account()).isEqualTo("kenmyer@litwareinc.com");
    // "Password" is valid base64 but decodes to binary, so it is taken literally.
    assertThat(token.password()).isEqualTo("Password");
    assertThat(token.passwordEncoding()).isEqualTo(UsernameToken.Encoding.PLAIN);
  }

  @Test
  void keepsNonAsciiPasswordsIntactThroughBase64() {
    String encoded = Base64.getEncoder().encodeToString(utf8("Pässwörd€1"));
    String xml =
        new String(Fixtures.bytes("auth-usernametoken-rst.xml"), StandardCharsets.UTF_8)
            .replace("UGFzc0B3b3JkMQ==", encoded);

    assertThat(parser.parse(utf8(xml)).usernameToken().orElseThrow().password())
        .isEqualTo("Pässwörd€1");
  }

  @Test
  void reportsAnEnvelopeWithoutBody() {
    String xml = "<s:Envelope xmlns:s=\"" + WsNames.SOAP11 + "\"><s:Header/></s:Envelope>";

    assertThat(failureOf(parser, xml)).isEqualTo(RequestSecurityTokenException.Reason.MISSING_BODY);
  }

  @Test
  void reportsABodyWithoutRequestSecurityToken() {
    String xml =
        "<s:Envelope xmlns:s=\""
            + WsNames.SOAP11
            + "\"><s:Body><x:Other xmlns:x=\"urn:x\"/></s:Body></s:Envelope>";

    assertThat(failureOf(parser, xml))
        .isEqualTo(RequestSecurityTokenException.Reason.MISSING_REQUEST_SECURITY_TOKEN);
  }

  @Test
  void reportsARootThatIsNotASoapEnvelope() {
    assertThat(failureOf(parser, "<Envelope><Body/></Envelope>"))
        .isEqualTo(RequestSecurityTokenException.Reason.NOT_SOAP_ENVELOPE);
  }

  @Test
  void reportsEntropyThatIsNotBase64() {
    String xml =
        new String(Fixtures.bytes("sipe-rst.xml"), StandardCharsets.UTF_8)
            .replace("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", "%%% not base64 %%%");

    assertThat(failureOf(parser, xml))
        .isEqualTo(RequestSecurityTokenException.Reason.INVALID_VALUE);
  }

  @Test
  void passesXmlRejectionsThroughForTheFaultMapping() {
    String xml = "<!DOCTYPE s [<!ENTITY x \"y\">]><s/>";

    assertThatThrownBy(() -> parser.parse(utf8(xml)))
        .isInstanceOfSatisfying(
            XmlRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(XmlRejectedException.Reason.DOCTYPE_FORBIDDEN));
  }

  @Test
  void rejectsATruncatedRequest() {
    byte[] full = Fixtures.bytes("sipe-rst.xml");
    byte[] truncated = java.util.Arrays.copyOf(full, full.length / 2);

    assertThatThrownBy(() -> parser.parse(truncated))
        .isInstanceOfSatisfying(
            XmlRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(XmlRejectedException.Reason.MALFORMED));
  }
}
