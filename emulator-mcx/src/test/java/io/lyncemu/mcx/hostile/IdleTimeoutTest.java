package io.lyncemu.mcx.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lyncemu.mcx.McxConfig;
import io.lyncemu.mcx.WebFixture;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connection idle timeout frees stalled clients, but never cuts a long poll the route holds.
 */
class IdleTimeoutTest {
  private static final Duration IDLE = Duration.ofSeconds(1);
  private static final String MCX = "/Mcx/McxService.svc";

  @TempDir Path state;
  private WebFixture web;

  @BeforeEach
  void start() {
    web = new WebFixture(state, McxConfig.ephemeral().withIdleTimeout(IDLE));
  }

  @AfterEach
  void stop() {
    web.close();
  }

  @Test
  void closesTheConnectionOfAClientThatStallsMidBody() throws IOException {
    try (Socket socket = RawHttp.connect(web.httpPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /WebTicket/WebTicketService.svc/Auth HTTP/1.1\r\nHost: atl-cs-001.litwareinc.com\r\n"
                  + "Content-Type: text/xml\r\nContent-Length: 500\r\n\r\n<s:Envelope")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();

      String answer;
      try {
        answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
      } catch (SocketException reset) {
        answer = "";
      }

      // Closed by the server well before the client's own 10 s socket timeout.
      assertThat(answer).isEmpty();
    }
  }

  @Test
  void aLongPollOutlivesTheIdleTimeout() throws IOException {
    String token;
    try (Socket socket = RawHttp.connect(web.httpPort())) {
      RawHttp.Reply reply =
          RawHttp.exchange(
              socket,
              "POST",
              RawHttp.OAUTH,
              Map.of("Content-Type", "application/x-www-form-urlencoded"),
              "grant_type=password&username=kenmyer@litwareinc.com&password=Ken!Lync2013");
      token = new ObjectMapper().readTree(reply.body()).path("access_token").asText();
    }
    Map<String, String> headers =
        Map.of(
            "Authorization",
            "Bearer " + token,
            "Content-Type",
            "application/vnd.lyncemu.mcx+xml; charset=utf-8");
    try (Socket socket = RawHttp.connect(web.httpPort())) {
      RawHttp.Reply created =
          RawHttp.exchange(
              socket,
              "POST",
              MCX,
              headers,
              "<createSession xmlns='urn:lyncemu:mcx:1' deviceType='WindowsPhone' userAgent='t'/>");
      Matcher id = Pattern.compile("id=\"([^\"]+)\"").matcher(created.body());
      assertThat(id.find()).as(created.body()).isTrue();

      RawHttp.Reply events =
          RawHttp.exchange(
              socket,
              "POST",
              MCX,
              headers,
              "<getEvents xmlns='urn:lyncemu:mcx:1' session='"
                  + id.group(1)
                  + "' ack='0' timeoutSeconds='3'/>");

      assertThat(events.status()).isEqualTo(200);
      assertThat(events.body()).contains("<events");
    }
  }
}
