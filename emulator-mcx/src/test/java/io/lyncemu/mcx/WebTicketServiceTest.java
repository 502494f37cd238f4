package io.lyncemu.mcx;

import static org.assertj.core.api.Assertions.assertThat;

import io.lyncemu.core.journal.EventKind;
import io.lyncemu.core.journal.JournalQuery;
import io.lyncemu.mcx.auth.NtlmClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebTicketServiceTest {
  private static final String RST = WebSamples.RST;

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

  /** A bare-bones HTTP/1.1 exchange on one kept-alive socket: NTLM needs the same connection. */
  private record Reply(int status, List<Map.Entry<String, String>> headers, String body) {
    List<String> all(String name) {
      return headers.stream()
          .filter(h -> h.getKey().equalsIgnoreCase(name))
          .map(Map.Entry::getValue)
          .toList();
    }
  }

  private static Reply exchange(
      Socket socket, String method, String path, Map<String, String> headers, String body)
      throws IOException {
    byte[] content = body.getBytes(StandardCharsets.UTF_8);
    StringBuilder request =
        new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: atl-cs-001.litwareinc.com\r\n");
    headers.forEach((k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
    request.append("Content-Length: ").append(content.length).append("\r\n\r\n");
    OutputStream out = socket.getOutputStream();
    out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
    out.write(content);
    out.flush();
    InputStream in = socket.getInputStream();
    String statusLine = line(in);
    List<Map.Entry<String, String>> replyHeaders = new ArrayList<>();
    int length = 0;
    for (String h = line(in); !h.isEmpty(); h = line(in)) {
      int colon = h.indexOf(':');
      replyHeaders.add(Map.entry(h.substring(0, colon), h.substring(colon + 1).trim()));
      if (h.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        length = Integer.parseInt(h.substring(colon + 1).trim());
      }
    }
    return new Reply(
        Integer.parseInt(statusLine.split(" ")[1]),
        replyHeaders,
        new String(in.readNBytes(length), StandardCharsets.UTF_8));
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c != '\n' && c != -1; c = in.read()) {
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }

  private Reply ntlmLogon(String domain, String user, String password, String scheme)
      throws IOException {
    NtlmClient client = new NtlmClient(new SecureRandom(), Clock.systemUTC());
    try (Socket socket = new Socket("127.0.0.1", web.httpPort())) {
      socket.setSoTimeout(10_000);
      String path = "/WebTicket/WebTicketService.svc";
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("Content-Type", "text/xml; charset=utf-8");
      headers.put(
          "Authorization", scheme + " " + Base64.getEncoder().encodeToString(client.negotiate()));
      Reply challenge = exchange(socket, "POST", path, headers, RST);
      assertThat(challenge.status()).isEqualTo(401);
      String token = challenge.all("WWW-Authenticate").get(0).substring(scheme.length() + 1);
      byte[] type3 =
          client.authenticate(Base64.getDecoder().decode(token), domain, user, password, "WS01");
      headers.put("Authorization", scheme + " " + Base64.getEncoder().encodeToString(type3));
      return exchange(socket, "POST", path, headers, RST);
    }
  }

  @Test
  void anonymousPostGetsTheIisFaithful401() throws IOException {
    try (Socket socket = new Socket("127.0.0.1", web.httpPort())) {
      socket.setSoTimeout(10_000);
      Reply reply =
          exchange(
              socket,
              "POST",
              "/WebTicket/WebTicketService.svc",
              Map.of("Content-Type", "text/xml"),
              RST);

      assertThat(reply.status()).isEqualTo(401);
      assertThat(reply.all("WWW-Authenticate")).containsExactly("Negotiate", "NTLM");
      assertThat(reply.headers())
          .extracting(Map.Entry::getKey)
          .containsSubsequence(
              "X-MS-Server-Fqdn",
              "Cache-Control",
              "Content-Type",
              "Server",
              "WWW-Authenticate",
              "WWW-Authenticate",
              "X-Powered-By",
              "X-Content-Type-Options");
      assertThat(reply.all("Server")).containsExactly("Microsoft-IIS/8.5");
      assertThat(reply.all("Cache-Control")).containsExactly("private");
      assertThat(reply.all("Content-Type")).containsExactly("text/html; charset=utf-8");
      assertThat(reply.all("X-MS-Server-Fqdn")).containsExactly("atl-cs-001.litwareinc.com");
      assertThat(reply.body()).contains("401");
    }
  }

  @Test
  void ntlmOnlyOffersOnlyNtlm() throws IOException {
    web.deployment.update(
        "t",
        t ->
            t.withWebService(
                t.webService().withUseWindowsAuth(io.lyncemu.core.topology.WindowsAuth.NTLM)));
    try (Socket socket = new Socket("127.0.0.1", web.httpPort())) {
      socket.setSoTimeout(10_000);
      Reply reply = exchange(socket, "POST", "/WebTicket/WebTicketService.svc", Map.of(), RST);

      assertThat(reply.all("WWW-Authenticate")).containsExactly("NTLM");
    }
  }

  @Test
  void rightPasswordGetsASignedSamlTicket() throws IOException {
    Reply reply = ntlmLogon("LITWAREINC", "kenmyer", "Ken!Lync2013", "NTLM");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body())
        .contains("RequestSecurityTokenResponse")
        .contains("saml:Assertion")
        .contains("sip:kenmyer@litwareinc.com")
        .contains("Lifetime");
    assertThat(
            web.journal
                .await(JournalQuery.kind(EventKind.TICKET_ISSUED), Duration.ofSeconds(5))
                .attribute("user"))
        .isEqualTo("sip:kenmyer@litwareinc.com");
  }

  @Test
  void rawNtlmInsideNegotiateWorksToo() throws IOException {
    assertThat(ntlmLogon("litwareinc", "pilar", "Pilar!Lync2013", "Negotiate").status())
        .isEqualTo(200);
  }

  @Test
  void wrongPasswordGetsAFresh401AndIsJournaled() throws IOException {
    Reply reply = ntlmLogon("LITWAREINC", "kenmyer", "wrong", "NTLM");

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.all("WWW-Authenticate")).containsExactly("Negotiate", "NTLM");
    assertThat(web.journal.query(JournalQuery.kind(EventKind.AUTH_FAILED)))
        .extracting(e -> e.attribute("reason"))
        .contains("WRONG_PASSWORD");
  }
}
