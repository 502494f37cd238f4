package io.lyncemu.mcx.hostile;

import static io.lyncemu.mcx.hostile.RawHttp.AUTH;
import static io.lyncemu.mcx.hostile.RawHttp.OAUTH;
import static io.lyncemu.mcx.hostile.RawHttp.assertNoInternals;
import static io.lyncemu.mcx.hostile.RawHttp.assertStillServing;
import static io.lyncemu.mcx.hostile.RawHttp.connect;
import static io.lyncemu.mcx.hostile.RawHttp.exchange;
import static org.assertj.core.api.Assertions.assertThat;

import io.lyncemu.mcx.WebFixture;
import io.lyncemu.mcx.WebSamples;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Wrong content types, unknown paths and methods the endpoints do not take. */
class HostileRequestTest {
  @TempDir Path state;
  private WebFixture web;

  @BeforeEach
  void start() {
    web = new WebFixture(state);
  }

  @AfterEach
  void stop() {
    web.close();
  }

  private RawHttp.Reply send(String method, String path, String contentType, String body)
      throws IOException {
    try (Socket socket = connect(web.httpPort())) {
      return exchange(socket, method, path, Map.of("Content-Type", contentType), body);
    }
  }

  @Test
  void jsonToTheOauthEndpointIsA400() throws IOException {
    RawHttp.Reply reply =
        send(
            "POST",
            OAUTH,
            "application/json",
            "{\"grant_type\":\"password\",\"username\":\"LITWAREINC\\\\kenmyer\","
                + "\"password\":\"Ken!Lync2013\"}");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body()).contains("invalid_request").doesNotContain("access_token");
    assertNoInternals(reply);
    assertStillServing(web);
  }

  @Test
  void jsonToTheAuthPortIsASoapFault() throws IOException {
    RawHttp.Reply reply =
        send("POST", AUTH, "application/json", "{\"username\":\"kenmyer\",\"password\":\"x\"}");

    assertThat(reply.status()).isIn(400, 415, 500);
    assertThat(reply.body()).doesNotContain("RequestSecurityTokenResponse");
    if (reply.status() == 500) {
      assertThat(reply.body()).contains("Fault");
    }
    assertNoInternals(reply);
    assertStillServing(web);
  }

  @Test
  void formDataToTheAuthPortIsASoapFault() throws IOException {
    RawHttp.Reply reply =
        send(
            "POST",
            AUTH,
            "application/x-www-form-urlencoded",
            "grant_type=password&username=kenmyer&password=Ken!Lync2013");

    assertThat(reply.status()).isIn(400, 415, 500);
    assertThat(reply.body()).doesNotContain("RequestSecurityTokenResponse");
    assertNoInternals(reply);
    assertStillServing(web);
  }

  @Test
  void binaryGarbageAsASoapBodyIsASoapFault() throws IOException {
    RawHttp.Reply reply;
    try (Socket socket = connect(web.httpPort())) {
      byte[] garbage = new byte[4096];
      new java.util.SplittableRandom(7).nextBytes(garbage);
      reply = exchange(socket, "POST", AUTH, RawHttp.soapHeaders(), garbage);
    }

    assertThat(reply.status()).isIn(400, 500);
    assertThat(reply.body()).doesNotContain("RequestSecurityTokenResponse");
    assertNoInternals(reply);
    assertStillServing(web);
  }

  @ParameterizedTest
  @CsvSource({
    "GET, /nope",
    "POST, /nope",
    "GET, /WebTicket/WebTicketService.svc/nope",
    "POST, /WebTicket/WebTicketService.svc/nope",
    "GET, /WebTicket/WebTicketService.svc/../../nope",
  })
  void unknownPathsGetTheIis404Page(String method, String path) throws IOException {
    RawHttp.Reply reply = send(method, path, "text/xml; charset=utf-8", WebSamples.RST);

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.all("Server")).containsExactly("Microsoft-IIS/8.5");
    assertThat(reply.all("Content-Type")).containsExactly("text/html; charset=utf-8");
    assertThat(reply.body()).contains("404");
    assertNoInternals(reply);
    assertStillServing(web);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/WebTicket/../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/WebTicket/%2e%2e/%2e%2e/%2e%2e/etc/passwd"
      })
  void pathsClimbingAboveTheRootGetTheHttpSys400(String path) throws IOException {
    RawHttp.Reply reply = send("GET", path, "text/xml; charset=utf-8", "");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.all("Server")).containsExactly("Microsoft-HTTPAPI/2.0");
    assertThat(reply.all("Content-Type")).containsExactly("text/html; charset=us-ascii");
    assertThat(reply.all("Cache-Control")).isEmpty();
    assertThat(reply.body()).contains("HTTP Error 400").doesNotContain("root:");
    assertNoInternals(reply);
    assertStillServing(web);
  }

  @ParameterizedTest
  @CsvSource({
    "PUT, /WebTicket/WebTicketService.svc",
    "DELETE, /WebTicket/WebTicketService.svc",
    "PUT, /WebTicket/WebTicketService.svc/Auth",
    "DELETE, /WebTicket/WebTicketService.svc/Auth",
    "PUT, /WebTicket/oauthtoken",
    "DELETE, /WebTicket/oauthtoken",
    "PATCH, /WebTicket/oauthtoken",
  })
  void methodsTheEndpointsDoNotTakeGet405(String method, String path) throws IOException {
    RawHttp.Reply reply = send(method, path, "text/xml; charset=utf-8", WebSamples.RST);

    assertThat(reply.status()).isEqualTo(405);
    assertThat(reply.all("Allow")).isNotEmpty();
    assertThat(reply.all("Server")).containsExactly("Microsoft-IIS/8.5");
    assertNoInternals(reply);
    assertStillServing(web);
  }
}
