package io.lyncemu.mcx.routes;

import static io.lyncemu.mcx.Litwareinc.KEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lyncemu.core.journal.EventKind;
import io.lyncemu.core.journal.JournalQuery;
import io.lyncemu.mcx.jetty.LocalWeb;
import io.lyncemu.mcx.xml.SafeXml;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class AutodiscoverRouteTest {
  private static final String XML =
      "Accept: application/vnd.microsoft.rtc.autodiscover+xml;v=1\r\n";
  private static final String ROOT = "/autodiscover/autodiscoverservice.svc/root";

  private final LocalWeb web = new LocalWeb();
  private final ObjectMapper json = new ObjectMapper();

  @AfterEach
  void stop() {
    web.close();
  }

  private HttpTester.Response get(String target, String host, String headers) {
    return web.exchange("GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\n" + headers + "\r\n");
  }

  @Test
  void theBareHostNameServesTheRootAsDataContractJsonByDefault() throws Exception {
    HttpTester.Response response =
        get("/?sipuri=kenmyer@litwareinc.com", "lyncdiscover.litwareinc.com", "");

    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.get("Content-Type"))
        .isEqualTo("application/vnd.microsoft.rtc.autodiscover+json; v=1");
    assertThat(response.getContent()).contains("http:\\/\\/").doesNotContain("\"http://");
    JsonNode root = json.readTree(response.getContentBytes());
    assertThat(root.at("/AccessLocation").asText()).isEqualTo("External");
    assertThat(root.at("/Root/Links/1/href").asText())
        .isEqualTo(
            "http://lyncdiscover.litwareinc.com/Autodiscover/AutodiscoverService.svc/root/user");
  }

  @Test
  void theInternalHostNameAnswersInternalXml() {
    HttpTester.Response response = get(ROOT, "lyncdiscoverinternal.litwareinc.com", XML);

    Element root = SafeXml.parse(response.getContentBytes(), 64 * 1024).getDocumentElement();
    assertThat(response.get("Content-Type"))
        .isEqualTo("application/vnd.microsoft.rtc.autodiscover+xml; v=1");
    assertThat(root.getAttribute("AccessLocation")).isEqualTo("Internal");
    assertThat(root.getElementsByTagName("Link").getLength()).isEqualTo(3);
  }

  @Test
  void theUserResourceWithoutATicketIsChallengedWithTheWebTicketUrl() {
    HttpTester.Response response = get(ROOT + "/user", "lyncdiscover.litwareinc.com", XML);

    assertThat(response.getStatus()).isEqualTo(401);
    assertThat(response.get("X-MS-WebTicketURL"))
        .isEqualTo("http://atl-cs-001.litwareinc.com/WebTicket/WebTicketService.svc");
    assertThat(response.get("X-MS-Server-Fqdn")).isEqualTo("atl-cs-001.litwareinc.com");
    assertThat(response.get("Server")).isEqualTo("Microsoft-IIS/8.5");
  }

  @Test
  void theUserResourceWithATicketListsTheMobilityServiceAndSipAccess() {
    String ticket = "X-MS-WebTicket: " + web.samlTicket(KEN).opaqueHeaderValue() + "\r\n";

    HttpTester.Response response =
        get(ROOT + "/user?sipuri=sip:kenmyer@litwareinc.com", "127.0.0.1:4443", XML + ticket);

    assertThat(response.getStatus()).isEqualTo(200);
    Element user =
        (Element)
            SafeXml.parse(response.getContentBytes(), 64 * 1024)
                .getElementsByTagName("User")
                .item(0);
    assertThat(user.getElementsByTagName("SipClientExternalAccess").getLength()).isEqualTo(1);
    assertThat(response.getContent())
        .contains("token=\"External/Mcx\" href=\"http://127.0.0.1:4443/Mcx/McxService.svc\"");
    assertThat(web.lab.journal.query(JournalQuery.kind(EventKind.AUTODISCOVER)))
        .singleElement()
        .satisfies(e -> assertThat(e.attribute("user")).isEqualTo(KEN));
  }

  @Test
  void anUnknownUserIs404WithAnEmptyBody() {
    String ticket = "X-MS-WebTicket: " + web.samlTicket(KEN).opaqueHeaderValue() + "\r\n";

    HttpTester.Response response =
        get(ROOT + "/user?sipuri=nobody@litwareinc.com", "lyncdiscover.litwareinc.com", ticket);

    assertThat(response.getStatus()).isEqualTo(404);
    assertThat(response.getContentBytes()).isEmpty();
  }

  @Test
  void theOAuthUserWantsABearerTokenAndChallengesWithMsRtcOAuth() {
    HttpTester.Response response =
        get(ROOT + "/oauth/user", "lyncdiscover.litwareinc.com", "Accept: application/json\r\n");

    assertThat(response.getStatus()).isEqualTo(401);
    assertThat(response.getValuesList("WWW-Authenticate"))
        .hasSize(2)
        .anySatisfy(v -> assertThat(v).startsWith("Bearer trusted_issuers="))
        .anySatisfy(
            v ->
                assertThat(v)
                    .startsWith(
                        "MsRtcOAuth href=\"http://atl-cs-001.litwareinc.com/WebTicket/oauthtoken\""));
  }

  @Test
  void theOAuthUserWithABearerTokenLinksUcwaApplications() throws Exception {
    String bearer = "Authorization: Bearer " + web.oauthToken(KEN).cwt() + "\r\n";

    HttpTester.Response response =
        get(
            ROOT + "/oauth/user",
            "lyncdiscover.litwareinc.com",
            "Accept: application/json\r\n" + bearer);

    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.get("Content-Type")).isEqualTo("application/json");
    JsonNode body = json.readTree(response.getContentBytes());
    assertThat(body.at("/_links/applications/href").asText())
        .isEqualTo("http://atl-cs-001.litwareinc.com/ucwa/oauth/v1/applications");
  }

  @Test
  void theDomainResourceIsAnonymous() {
    HttpTester.Response response = get(ROOT + "/domain", "lyncdiscover.litwareinc.com", XML);

    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getContent()).contains("<Domain>");
  }
}
