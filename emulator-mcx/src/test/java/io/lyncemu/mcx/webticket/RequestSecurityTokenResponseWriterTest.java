package io.lyncemu.mcx.webticket;

import static org.assertj.core.api.Assertions.assertThat;

import io.lyncemu.mcx.xml.SafeXml;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.SplittableRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class RequestSecurityTokenResponseWriterTest {
  private static final String RSTR =
      "/s:Envelope/s:Body/wst:RequestSecurityTokenResponseCollection"
          + "/wst:RequestSecurityTokenResponse";

  private final MutableClock clock = new MutableClock(Instant.parse("2013-06-01T09:00:00.250Z"));
  private final SamlAssertionIssuer issuer = TestKeys.issuer(TestKeys.POOL);
  private final WebTicketStore store =
      new WebTicketStore(issuer, clock, new SplittableRandom(3), 10);
  private final RequestSecurityTokenParser parser = new RequestSecurityTokenParser(64 * 1024);
  private final RequestSecurityTokenResponseWriter writer =
      new RequestSecurityTokenResponseWriter(new SplittableRandom(4));

  private RequestSecurityTokenResponseWriter.Response answerSipe() {
    RequestSecurityToken rst = parser.parse(Fixtures.bytes("sipe-rst.xml"));
    IssuedTicket ticket =
        store.issue(
            rst.claimedSipUri().orElseThrow(),
            rst.appliesTo().orElseThrow(),
            Duration.ofHours(8),
            TicketKind.SAML_1_1);
    return writer.write(rst, ticket);
  }

  @Test
  void writesAWellFormedRstrWithLifetimeAndServerEntropy() {
    Document doc = Fixtures.parse(answerSipe().xml());

    assertThat(Fixtures.text(doc, "/s:Envelope/s:Header/wsa:Action"))
        .isEqualTo(WsNames.ACTION_RSTRC_ISSUE_FINAL);
    assertThat(Fixtures.text(doc, RSTR + "/@Context"))
        .isEqualTo("7b0e1c9a-41d2-4f6e-9a55-2f3c4d5e6f70");
    assertThat(Fixtures.text(doc, RSTR + "/wst:TokenType")).isEqualTo(WsNames.TOKEN_TYPE_SAML11);
    assertThat(Fixtures.text(doc, RSTR + "/wst:Lifetime/wsu:Created"))
        .isEqualTo("2013-06-01T09:00:00.250Z");
    assertThat(Fixtures.text(doc, RSTR + "/wst:Lifetime/wsu:Expires"))
        .isEqualTo("2013-06-01T17:00:00.250Z");
    String serverEntropy = Fixtures.text(doc, RSTR + "/wst:Entropy/wst:BinarySecret");
    assertThat(Base64.getDecoder().decode(serverEntropy)).hasSize(32);
    assertThat(Fixtures.text(doc, RSTR + "/wst:RequestedProofToken/wst:ComputedKey"))
        .isEqualTo(WsNames.COMPUTED_KEY_PSHA1);
    assertThat(Fixtures.text(doc, RSTR + "/wsp:AppliesTo/wsa:EndpointReference/wsa:Address"))
        .endsWith("/root/user");
  }

  @Test
  void referencesTheAssertionIdFromBothReferences() {
    Document doc = Fixtures.parse(answerSipe().xml());
    String id =
        Fixtures.text(doc, RSTR + "/wst:RequestedSecurityToken/saml:Assertion/@AssertionID");

    for (String ref : new String[] {"RequestedAttachedReference", "RequestedUnattachedReference"}) {
      String keyId = RSTR + "/wst:" + ref + "/wsse:SecurityTokenReference/wsse:KeyIdentifier";
      assertThat(Fixtures.text(doc, keyId)).isEqualTo(id);
      assertThat(Fixtures.text(doc, keyId + "/@ValueType"))
          .isEqualTo(WsNames.SAML_ASSERTION_ID_VALUE_TYPE);
    }
  }

  @Test
  void embedsTheIssuedAssertionByteForByteSoPresentedTicketsHitTheStoresFastPath() {
    RequestSecurityToken rst = parser.parse(Fixtures.bytes("sipe-rst.xml"));
    IssuedTicket ticket =
        store.issue(
            rst.claimedSipUri().orElseThrow(), "", Duration.ofHours(1), TicketKind.SAML_1_1);

    assertThat(writer.write(rst, ticket).xml()).contains(ticket.assertionXml());
  }

  @Test
  void embedsAnAssertionThatStillVerifiesWhenCutOutLikeSipeDoes() {
    Document doc = Fixtures.parse(answerSipe().xml());
    Element assertion = (Element) doc.getElementsByTagNameNS(WsNames.SAML, "Assertion").item(0);

    String extracted = SafeXml.serialize(assertion, false);

    assertThat(issuer.verify(extracted)).isPresent();
    assertThat(
            store.validateOpaqueHeader(
                "opaque="
                    + Base64.getEncoder()
                        .encodeToString(extracted.getBytes(StandardCharsets.UTF_8))))
        .isPresent();
  }

  @Test
  void derivesTheProofKeyWithPSha1OfClientAndServerEntropy() throws Exception {
    RequestSecurityTokenResponseWriter.Response response = answerSipe();
    Document doc = Fixtures.parse(response.xml());
    byte[] client = parser.parse(Fixtures.bytes("sipe-rst.xml")).clientEntropyBytes().orElseThrow();
    byte[] server =
        Base64.getDecoder().decode(Fixtures.text(doc, RSTR + "/wst:Entropy/wst:BinarySecret"));

    byte[] key = Base64.getDecoder().decode(response.proofKey().orElseThrow());

    Mac mac = Mac.getInstance("HmacSHA1");
    mac.init(new SecretKeySpec(client, "HmacSHA1"));
    byte[] a1 = mac.doFinal(server);
    mac.update(a1);
    byte[] firstBlock = mac.doFinal(server);
    assertThat(key).hasSize(32);
    assertThat(Arrays.copyOf(key, 20)).isEqualTo(firstBlock);
    assertThat(PSha1.derive(client, server, 32)).isEqualTo(key);
  }

  @Test
  void answersAUserCwtRequestWithAUserTokenAndNoProofWithoutClientEntropy() {
    RequestSecurityToken rst = parser.parse(Fixtures.bytes("auth-usernametoken-rst.xml"));
    IssuedTicket ticket =
        store.issue(
            "sip:kenmyer@litwareinc.com",
            rst.appliesTo().orElseThrow(),
            rst.requestedLifetime().orElseThrow(),
            TicketKind.USER_CWT_1);

    RequestSecurityTokenResponseWriter.Response response = writer.write(rst, ticket);
    Document doc = Fixtures.parse(response.xml());

    assertThat(Fixtures.text(doc, RSTR + "/wst:TokenType")).isEqualTo(WsNames.TOKEN_TYPE_USER_CWT1);
    assertThat(Fixtures.text(doc, RSTR + "/wst:RequestedSecurityToken/UserToken"))
        .isEqualTo(ticket.cwt());
    assertThat(Fixtures.text(doc, "/s:Envelope/s:Header/wsa:RelatesTo"))
        .isEqualTo("urn:uuid:0f6b2a5e-3c1d-4e8f-9a7b-6c5d4e3f2a1b");
    assertThat(Fixtures.count(doc, "//saml:Assertion")).isZero();
    assertThat(Fixtures.count(doc, RSTR + "/wst:RequestedAttachedReference")).isZero();
    assertThat(Fixtures.count(doc, RSTR + "/wst:Entropy")).isZero();
    assertThat(response.proofKey()).isEmpty();
    assertThat(Fixtures.text(doc, RSTR + "/wst:Lifetime/wsu:Expires"))
        .isEqualTo("2013-06-01T09:15:00.250Z");
  }
}
