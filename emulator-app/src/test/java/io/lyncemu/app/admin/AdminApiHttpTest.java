package io.lyncemu.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lyncemu.app.LyncEmulator;
import io.lyncemu.app.PortPlan;
import io.lyncemu.app.TestCmdletsModule;
import io.lyncemu.core.journal.EventKind;
import io.lyncemu.core.journal.JournalQuery;
import io.lyncemu.core.journal.NewEvent;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every admin API route over a real socket, with the JDK client, against one emulator. */
class AdminApiHttpTest {
  @TempDir static Path stateDir;

  private static LyncEmulator lync;
  private static String base;
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void startEmulator() {
    lync =
        LyncEmulator.builder()
            .ports(PortPlan.ephemeral())
            .stateDir(stateDir)
            .module(new TestCmdletsModule())
            .build();
    lync.start();
    base = lync.adminUrl().orElseThrow();
  }

  @AfterAll
  static void stopEmulator() {
    if (lync != null) {
      lync.stop();
    }
  }

  @AfterEach
  void restoreDeployment() {
    lync.scenarios().clear();
    lync.windowsServices().start("W3SVC");
  }

  private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(base + path)).GET().build(), BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String path, String body)
      throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString(body))
            .build(),
        BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) throws IOException {
    return JSON.readTree(response.body());
  }

  @Test
  void healthIsOkWhenEveryListenerIsBound() throws Exception {
    HttpResponse<String> response = get("/health");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
    assertThat(json(response).path("status").asText()).isEqualTo("ok");
    assertThat(json(response).path("listeners").has("web-https")).isTrue();
  }

  @Test
  void healthIsUnavailableNamingTheListenersOfAStoppedService() throws Exception {
    lync.invoke("Stop-CsWindowsService -Name W3SVC");

    HttpResponse<String> response = get("/health");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(json(response).path("unbound").toString()).isEqualTo("[\"web-https\",\"web-http\"]");
    assertThat(json(response).path("error").asText()).contains("web-https, web-http");
  }

  @Test
  void endpointsListsEveryBoundListenerWithItsUrl() throws Exception {
    JsonNode endpoints = json(get("/endpoints"));

    int https = lync.endpoints().get("web-https").getPort();
    assertThat(endpoints.path("web-https").path("url").asText())
        .isEqualTo("https://127.0.0.1:" + https + "/");
    assertThat(endpoints.path("web-https").path("port").asInt()).isEqualTo(https);
    assertThat(endpoints.path("admin").path("host").asText()).isEqualTo("127.0.0.1");
  }

  @Test
  void cmdletsListsNamesAndSynopses() throws Exception {
    JsonNode cmdlets = json(get("/cmdlets"));

    assertThat(cmdlets.findValuesAsText("name"))
        .contains(
            "Get-CsUser",
            "Set-CsEmulatorScenario",
            "Get-CsEmulatorScenario",
            "Clear-CsEmulatorScenario");
    assertThat(cmdlets.get(0).path("synopsis").asText()).isNotBlank();
  }

  @Test
  void invokeRunsACommandLineAndAnswersObjectsAndFormatListText() throws Exception {
    HttpResponse<String> response =
        post(
            "/cmdlets/invoke",
            "{\"commandLine\":\"Get-CsUser -Identity sip:kenmyer@litwareinc.com\"}");

    JsonNode body = json(response);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(body.path("succeeded").asBoolean()).isTrue();
    assertThat(body.path("objects").get(0).path("typeName").asText())
        .isEqualTo("Microsoft.Rtc.Management.ADConnect.Schema.OCSADUser");
    assertThat(body.path("objects").get(0).path("properties").path("Enabled").asBoolean()).isTrue();
    assertThat(body.path("text").asText())
        .contains("SipAddress")
        .contains(": sip:kenmyer@litwareinc.com");
  }

  @Test
  void invokeTakesACmdletWithNamedParameters() throws Exception {
    HttpResponse<String> response =
        post(
            "/cmdlets/invoke",
            "{\"cmdlet\":\"Set-CsUser\",\"parameters\":{\"Identity\":\"sip:packerman@litwareinc.com\",\"Enabled\":false}}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(
            lync.deployment()
                .current()
                .findUser("sip:packerman@litwareinc.com")
                .orElseThrow()
                .isEnabled())
        .isFalse();
    lync.invoke("Set-CsUser -Identity sip:packerman@litwareinc.com -Enabled $True");
  }

  @Test
  void invokeAnswers400WithThePowerShellErrorAndCategory() throws Exception {
    HttpResponse<String> response =
        post(
            "/cmdlets/invoke",
            "{\"commandLine\":\"Get-CsUser -Identity sip:nobody@litwareinc.com\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).path("error").asText())
        .startsWith("Get-CsUser : Management object not found for identity");
    assertThat(json(response).path("category").asText()).isEqualTo("ObjectNotFound");
  }

  @Test
  void invokeRunsTheXmppSeedsFederationLinesIncludingItsPipeline() throws Exception {
    try {
      post(
          "/cmdlets/invoke",
          "{\"commandLine\":\"New-CsExternalAccessPolicy -Identity FedPic"
              + " -EnableFederationAcces $true -EnablePublicCloudAccess $true\"}");
      HttpResponse<String> piped =
          post(
              "/cmdlets/invoke",
              "{\"commandLine\":\"Get-CsUser | Grant-CsExternalAccessPolicy -PolicyName"
                  + " FedPic\"}");
      HttpResponse<String> user =
          post(
              "/cmdlets/invoke",
              "{\"commandLine\":\"Get-CsUser -Identity sip:kenmyer@litwareinc.com\"}");

      assertThat(piped.statusCode()).isEqualTo(200);
      assertThat(json(user).path("objects").get(0).path("properties").path("ExternalAccessPolicy"))
          .hasToString("\"FedPic\"");
      HttpResponse<String> duplicate =
          post(
              "/cmdlets/invoke",
              "{\"commandLine\":\"New-CsHostingProvider -Identity Hybrid -ProxyFqdn"
                  + " sipfed.online.lync.com\"}");
      assertThat(duplicate.statusCode()).isEqualTo(400);
      assertThat(json(duplicate).path("error").asText())
          .startsWith("New-CsHostingProvider : The ProxyFqdn \"sipfed.online.lync.com\"");
    } finally {
      lync.invoke("Remove-CsExternalAccessPolicy -Identity FedPic");
    }
  }

  @Test
  void invokeAnswers404ForAnUnknownCmdlet() throws Exception {
    HttpResponse<String> response = post("/cmdlets/invoke", "{\"commandLine\":\"Get-CsNothing\"}");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(json(response).path("error").asText()).contains("'Get-CsNothing' is not recognized");
  }

  @Test
  void invokeReportsACmdletThatFailedItsTransaction() throws Exception {
    HttpResponse<String> response =
        post(
            "/cmdlets/invoke",
            "{\"cmdlet\":\"" + TestCmdletsModule.FAILING + "\",\"arguments\":[]}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).path("succeeded").asBoolean()).isFalse();
    assertThat(json(response).path("text").asText()).contains("Result        : Failure");
  }

  @Test
  void refusesBadJsonWithAClearMessage() throws Exception {
    HttpResponse<String> response = post("/cmdlets/invoke", "{\"commandLine\": ");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).path("error").asText())
        .startsWith("the request body is not valid JSON");
  }

  @Test
  void refusesABodyWithNeitherCommandLineNorCmdlet() throws Exception {
    HttpResponse<String> response = post("/cmdlets/invoke", "{\"hello\": 1}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).path("error").asText()).contains("commandLine");
  }

  @Test
  void refusesBodiesOverOneMebibyteWith413() throws Exception {
    String huge = "{\"commandLine\":\"" + "x".repeat(AdminApi.MAX_BODY_BYTES) + "\"}";

    HttpResponse<String> response = post("/cmdlets/invoke", huge);

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(json(response).path("error").asText()).contains("larger than 1048576 bytes");
  }

  @Test
  void answersAnUnknownPathWith404Json() throws Exception {
    HttpResponse<String> response = get("/nowhere");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(json(response).path("error").asText()).contains("/nowhere");
  }

  @Test
  void answersAWrongMethodWith405() throws Exception {
    HttpResponse<String> response = post("/health", "{}");

    assertThat(response.statusCode()).isEqualTo(405);
  }

  @Test
  void journalFiltersByKindComponentAttributeAndSequence() throws Exception {
    long after = lync.journal().lastSequence();
    lync.invoke("Get-CsUser -Identity sip:kenmyer@litwareinc.com");
    lync.invoke("Get-CsWindowsService");

    JsonNode events =
        json(
            get(
                "/journal?kind=CMDLET_INVOKED&component=management&where=cmdlet=Get-CsUser&after="
                    + after));

    assertThat(events).hasSize(1);
    assertThat(events.get(0).path("attributes").path("cmdlet").asText()).isEqualTo("Get-CsUser");
    assertThat(events.get(0).path("sequence").asLong()).isGreaterThan(after);
  }

  @Test
  void journalHonoursTheLimit() throws Exception {
    long after = lync.journal().lastSequence();
    lync.invoke("Get-CsWindowsService");
    lync.invoke("Get-CsWindowsService");

    assertThat(json(get("/journal?after=" + after + "&limit=1"))).hasSize(1);
  }

  @Test
  void journalRefusesAnUnknownKind() throws Exception {
    HttpResponse<String> response = get("/journal?kind=NOT_A_KIND");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).path("error").asText())
        .contains("unknown event kind 'NOT_A_KIND'")
        .contains("AUTH_FAILED");
  }

  @Test
  void journalAwaitAnswersWithTheEventRecordedWhileWaiting() throws Exception {
    long after = lync.journal().lastSequence();
    CompletableFuture<HttpResponse<String>> waiting =
        HTTP.sendAsync(
            HttpRequest.newBuilder(
                    URI.create(
                        base
                            + "/journal/await?kind=AUTH_FAILED&component=webticket&where=user=kenmyer&after="
                            + after
                            + "&timeout=10s"))
                .build(),
            BodyHandlers.ofString());
    lync.journal()
        .record(NewEvent.of("webticket", EventKind.AUTH_FAILED).with("user", "someone-else"));

    lync.journal().record(NewEvent.of("webticket", EventKind.AUTH_FAILED).with("user", "kenmyer"));

    HttpResponse<String> response = waiting.get();
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).path("attributes").path("user").asText()).isEqualTo("kenmyer");
  }

  @Test
  void journalAwaitTimesOutWith408() throws Exception {
    HttpResponse<String> response =
        get(
            "/journal/await?kind=AUTH_FAILED&where=user=nobody&after="
                + lync.journal().lastSequence()
                + "&timeout=200ms");

    assertThat(response.statusCode()).isEqualTo(408);
    assertThat(json(response).path("error").asText()).contains("no event matching");
  }

  @Test
  void journalExportsJsonLines() throws Exception {
    lync.invoke("Get-CsWindowsService");

    HttpResponse<String> response = get("/journal.jsonl?kind=CMDLET_INVOKED");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body().lines())
        .isNotEmpty()
        .allSatisfy(
            line ->
                assertThat(JSON.readTree(line).path("kind").asText()).isEqualTo("CMDLET_INVOKED"));
  }

  @Test
  void journalExportsTheWebExchangesAsHar() throws Exception {
    int http = lync.endpoints().get("web-http").getPort();
    HTTP.send(
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + http + "/WebTicket/WebTicketService.svc"))
            .build(),
        BodyHandlers.discarding());

    JsonNode har = json(get("/journal.har"));

    assertThat(har.path("log").path("version").asText()).isEqualTo("1.2");
    assertThat(har.path("log").path("entries").findValuesAsText("url"))
        .anySatisfy(url -> assertThat(url).contains("/WebTicket/WebTicketService.svc"));
  }

  @Test
  void deletingTheJournalEmptiesIt() throws Exception {
    lync.invoke("Get-CsWindowsService");

    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + "/journal")).DELETE().build(),
            BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(lync.journal().query(JournalQuery.all())).isEmpty();
  }

  @Test
  void scenariosAreListedAppliedShownAndCleared() throws Exception {
    assertThat(json(get("/scenarios")).findValuesAsText("name")).contains("app-test-ken-disabled");

    HttpResponse<String> applied = post("/scenarios/app-test-ken-disabled/apply", "");

    assertThat(applied.statusCode()).isEqualTo(200);
    assertThat(json(get("/scenarios/active")).path("active").path("name").asText())
        .isEqualTo("app-test-ken-disabled");
    assertThat(
            lync.deployment()
                .current()
                .findUser("sip:kenmyer@litwareinc.com")
                .orElseThrow()
                .isEnabled())
        .isFalse();

    HttpResponse<String> cleared = post("/scenarios/clear", "");

    assertThat(json(cleared).path("cleared").asText()).isEqualTo("app-test-ken-disabled");
    assertThat(json(get("/scenarios/active")).path("active").isNull()).isTrue();
    assertThat(
            lync.deployment()
                .current()
                .findUser("sip:kenmyer@litwareinc.com")
                .orElseThrow()
                .isEnabled())
        .isTrue();
  }

  @Test
  void applyingAnUnknownScenarioIs404() throws Exception {
    HttpResponse<String> response = post("/scenarios/no-such/apply", "");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(json(response).path("error").asText()).contains("no scenario 'no-such'");
  }

  @Test
  void theClockIsShownAndAdvanced() throws Exception {
    String before = json(get("/clock")).path("offset").asText();

    HttpResponse<String> response = post("/clock/advance?by=61m", "");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(lync.clock().offset())
        .isGreaterThanOrEqualTo(Duration.ofMinutes(61).plus(Duration.parse(before)));
    assertThat(json(response).path("offset").asText()).isEqualTo(lync.clock().offset().toString());
  }

  @Test
  void advancingTheClockByNonsenseIs400() throws Exception {
    HttpResponse<String> response = post("/clock/advance?by=soon", "");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).path("error").asText()).contains("'soon' is not a duration");
  }

  @Test
  void servesTheCaCertificateAsPem() throws Exception {
    HttpResponse<String> response = get("/ca.pem");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).startsWith("-----BEGIN CERTIFICATE-----");
  }
}
