package io.lyncemu.mcx.routes;

import static io.lyncemu.mcx.Litwareinc.KEN;
import static io.lyncemu.mcx.Litwareinc.PILAR;
import static io.lyncemu.mcx.jetty.LocalWeb.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lyncemu.mcx.jetty.LocalWeb;
import org.eclipse.jetty.http.HttpTester;
import org.eclipse.jetty.server.LocalConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UcwaRouteTest {
  private static final String HOST = "Host: atl-cs-001.litwareinc.com\r\n";

  private final LocalWeb web = new LocalWeb();
  private final ObjectMapper json = new ObjectMapper();

  @AfterEach
  void stop() {
    web.close();
  }

  private String bearer(String user) {
    return "Authorization: Bearer " + web.oauthToken(user).cwt() + "\r\n";
  }

  private JsonNode body(HttpTester.Response response) throws Exception {
    return json.readTree(response.getContentBytes());
  }

  private JsonNode createApplication(String auth) throws Exception {
    HttpTester.Response created =
        web.exchange(
            request(
                "POST",
                "/ucwa/oauth/v1/applications",
                HOST + auth + "Content-Type: application/json\r\n",
                "{\"UserAgent\":\"UCWA Samples\",\"EndpointId\":\"e1\",\"Culture\":\"en-US\"}"));
    assertThat(created.getStatus()).isEqualTo(201);
    return body(created);
  }

  @Test
  void withoutATokenTheClientGetsBothOAuthChallenges() {
    HttpTester.Response response =
        web.exchange(request("POST", "/ucwa/oauth/v1/applications", HOST, "{}"));

    assertThat(response.getStatus()).isEqualTo(401);
    assertThat(response.getValuesList("WWW-Authenticate"))
        .containsExactly(
            "Bearer trusted_issuers=\"00000002-0000-0ff1-ce00-000000000000@litwareinc.com\","
                + " client_id=\"00000004-0000-0ff1-ce00-000000000000\"",
            "MsRtcOAuth href=\"http://atl-cs-001.litwareinc.com/WebTicket/oauthtoken\","
                + "grant_type=\"urn:microsoft.rtc:windows,urn:microsoft.rtc:anonmeeting,password\"");
  }

  @Test
  void createsAnApplicationWithItsLinksAndEmbeddedResources() throws Exception {
    JsonNode app = createApplication(bearer(KEN));

    assertThat(app.at("/_links/self/href").asText()).startsWith("/ucwa/oauth/v1/applications/");
    assertThat(app.at("/_links/events/href").asText()).contains("/events?ack=1&key=");
    assertThat(app.at("/_embedded/me/uri").asText()).isEqualTo(KEN);
    assertThat(app.at("/_embedded/communication/_links/startMessaging/href").asText())
        .endsWith("/communication/messagingInvitations");
  }

  @Test
  void aBadBodyIsABadRequestWithAUcwaError() throws Exception {
    HttpTester.Response response =
        web.exchange(
            request(
                "POST",
                "/ucwa/oauth/v1/applications",
                HOST + bearer(KEN) + "Content-Type: application/json\r\n",
                "not json"));

    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(body(response).at("/subcode").asText()).isEqualTo("DeserializationFailure");
  }

  @Test
  void aMessageTravelsFromOneApplicationToAnotherThroughTheEventChannel() throws Exception {
    String kenAuth = bearer(KEN);
    String pilarAuth = bearer(PILAR);
    JsonNode ken = createApplication(kenAuth);
    JsonNode pilar = createApplication(pilarAuth);
    String kenSelf = ken.at("/_links/self/href").asText();
    String pilarSelf = pilar.at("/_links/self/href").asText();
    assertThat(
            web.exchange(request("POST", pilarSelf + "/me/makeMeAvailable", HOST + pilarAuth, "{}"))
                .getStatus())
        .isEqualTo(204);
    String pilarEvents = pilar.at("/_links/events/href").asText();
    JsonNode first =
        body(web.exchange(request("GET", pilarEvents + "&timeout=5", HOST + pilarAuth, "")));
    String next = first.at("/_links/next/href").asText();
    LocalConnector.LocalEndPoint held =
        web.send(request("GET", next + "&timeout=60", HOST + pilarAuth, ""));

    HttpTester.Response invited =
        web.exchange(
            request(
                "POST",
                kenSelf + "/communication/messagingInvitations",
                HOST + kenAuth + "Content-Type: application/json\r\n",
                "{\"to\":\"" + PILAR + "\",\"operationId\":\"op1\",\"sessionContext\":\"s1\"}"));
    String conversation = body(invited).at("/_links/conversation/href").asText();
    HttpTester.Response sent =
        web.exchange(
            request(
                "POST",
                conversation + "/messaging/messages",
                HOST + kenAuth + "Content-Type: text/plain\r\n",
                "Hello Pilar"));

    assertThat(invited.getStatus()).isEqualTo(201);
    assertThat(body(invited).at("/operationId").asText()).isEqualTo("op1");
    assertThat(sent.getStatus()).isEqualTo(201);
    JsonNode events = body(LocalWeb.answer(held));
    assertThat(events.at("/_links/next/href").asText()).contains("ack=3");
    JsonNode last = events.at("/sender/1/events/1");
    assertThat(last.at("/link/rel").asText()).isEqualTo("message");
    assertThat(last.at("/_embedded/message/_links/plainMessage/href").asText())
        .isEqualTo("data:text/plain;charset=utf-8,Hello%20Pilar");
  }

  @Test
  void aRepeatedAckReturnsTheSameBatch() throws Exception {
    String auth = bearer(KEN);
    JsonNode app = createApplication(auth);
    String self = app.at("/_links/self/href").asText();
    web.exchange(request("POST", self + "/me/makeMeAvailable", HOST + auth, "{}"));
    String events = app.at("/_links/events/href").asText();

    String first = web.exchange(request("GET", events, HOST + auth, "")).getContent();
    String again = web.exchange(request("GET", events, HOST + auth, "")).getContent();

    assertThat(again).isEqualTo(first).contains("\"presence\"");
  }

  @Test
  void presenceCanBeSetAndRead() throws Exception {
    String auth = bearer(KEN);
    String self = createApplication(auth).at("/_links/self/href").asText();

    HttpTester.Response set =
        web.exchange(
            request(
                "POST",
                self + "/me/presence",
                HOST + auth + "Content-Type: application/json\r\n",
                "{\"availability\":\"Busy\"}"));
    HttpTester.Response read = web.exchange(request("GET", self + "/me/presence", HOST + auth, ""));

    assertThat(set.getStatus()).isEqualTo(204);
    assertThat(body(read).at("/availability").asText()).isEqualTo("Busy");
    assertThat(read.get("Content-Type")).startsWith("application/vnd.microsoft.com.ucwa+json");
  }

  @Test
  void anotherUsersApplicationIsNotFound() throws Exception {
    String self = createApplication(bearer(KEN)).at("/_links/self/href").asText();

    HttpTester.Response response = web.exchange(request("GET", self, HOST + bearer(PILAR), ""));

    assertThat(response.getStatus()).isEqualTo(404);
    assertThat(body(response).at("/subcode").asText()).isEqualTo("ApplicationNotFound");
  }
}
