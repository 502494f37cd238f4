package io.lyncemu.mcx.peers;

import static org.assertj.core.api.Assertions.assertThat;

import io.lyncemu.core.journal.EventKind;
import io.lyncemu.core.journal.JournalQuery;
import io.lyncemu.mcx.WebFixture;
import io.lyncemu.mcx.WebSamples;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** curl, the most common scripted client, against the Web Ticket and OAuth endpoints over TLS. */
class CurlPeerTest {
  private static final String POOL = "atl-cs-001.litwareinc.com";

  @TempDir Path state;
  @TempDir Path work;
  private WebFixture web;
  private Peer curl;

  @BeforeEach
  void start() {
    curl = Peer.curl().require();
    web = new WebFixture(state);
  }

  @AfterEach
  void stop() {
    if (web != null) {
      web.close();
    }
  }

  /** One curl run: the exit code, the final response's status, headers and body. */
  private record Reply(int exit, int status, List<Map.Entry<String, String>> headers, String body) {
    List<String> all(String name) {
      return headers.stream()
          .filter(h -> h.getKey().equalsIgnoreCase(name))
          .map(Map.Entry::getValue)
          .toList();
    }
  }

  private Reply curl(String path, List<String> extra) throws IOException {
    Path headers = work.resolve("headers-" + System.nanoTime());
    Path body = work.resolve("body-" + System.nanoTime());
    int port = web.httpsPort();
    List<String> args = new ArrayList<>();
    args.addAll(
        List.of(
            "-sS",
            "--max-time",
            "20",
            "--cacert",
            web.ca.pemFile().toString(),
            "--resolve",
            POOL + ":" + port + ":127.0.0.1",
            "-D",
            headers.toString(),
            "-o",
            body.toString(),
            "-w",
            "%{http_code}"));
    args.addAll(extra);
    args.add("https://" + POOL + ":" + port + path);
    Peer.Result run = curl.run(args, Map.of());
    assertThat(run.exit()).as("curl exit code; stderr: %s", run.stderr()).isZero();
    return new Reply(
        run.exit(),
        Integer.parseInt(run.stdout().trim()),
        lastHeaderBlock(Files.readString(headers, StandardCharsets.ISO_8859_1)),
        Files.readString(body, StandardCharsets.UTF_8));
  }

  /** curl -D writes every response of the handshake; the last block is the final answer. */
  private static List<Map.Entry<String, String>> lastHeaderBlock(String dump) {
    List<Map.Entry<String, String>> block = new ArrayList<>();
    for (String line : dump.split("\r?\n")) {
      if (line.startsWith("HTTP/")) {
        block = new ArrayList<>();
      } else if (line.indexOf(':') > 0) {
        int colon = line.indexOf(':');
        block.add(Map.entry(line.substring(0, colon), line.substring(colon + 1).trim()));
      }
    }
    return block;
  }

  private List<String> ntlmRst(String userAndPassword) throws IOException {
    Path rst = work.resolve("rst.xml");
    Files.writeString(rst, WebSamples.RST, StandardCharsets.UTF_8);
    return List.of(
        "--ntlm",
        "-u",
        userAndPassword,
        "-H",
        "Content-Type: text/xml; charset=utf-8",
        "--data-binary",
        "@" + rst);
  }

  @Test
  void curlNtlmWithTheRightPasswordGetsAnRstrCarryingKensSamlAssertion() throws IOException {
    Reply reply =
        curl("/WebTicket/WebTicketService.svc", ntlmRst("LITWAREINC\\kenmyer:Ken!Lync2013"));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body())
        .contains("RequestSecurityTokenResponse")
        .contains("saml:Assertion")
        .contains("sip:kenmyer@litwareinc.com");
    var succeeded =
        web.journal.await(JournalQuery.kind(EventKind.AUTH_SUCCEEDED), Duration.ofSeconds(5));
    assertThat(succeeded.attribute("scheme")).isEqualTo("NTLM");
    assertThat(succeeded.attribute("user")).isEqualTo("sip:kenmyer@litwareinc.com");
  }

  @Test
  void curlNtlmWithAWrongPasswordGetsTheIisFaithful401AndNothingJettyWouldAdd() throws IOException {
    Reply reply = curl("/WebTicket/WebTicketService.svc", ntlmRst("LITWAREINC\\kenmyer:wrong"));

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.all("WWW-Authenticate")).containsExactly("Negotiate", "NTLM");
    assertThat(reply.all("Server")).containsExactly("Microsoft-IIS/8.5");
    assertThat(reply.all("X-Powered-By")).containsExactly("ASP.NET");
    assertThat(reply.all("X-MS-Server-Fqdn")).containsExactly(POOL);
    assertThat(reply.all("Cache-Control")).containsExactly("private");
    assertThat(reply.all("Content-Type")).containsExactly("text/html; charset=utf-8");
    assertThat(reply.all("X-Content-Type-Options")).containsExactly("nosniff");
    assertThat(reply.all("Via")).isEmpty();
    assertThat(reply.headers())
        .extracting(h -> h.getKey().toLowerCase(Locale.ROOT))
        .as("only headers IIS itself sends on this 401")
        .allMatch(
            name ->
                List.of(
                        "x-ms-server-fqdn",
                        "cache-control",
                        "content-type",
                        "server",
                        "www-authenticate",
                        "x-powered-by",
                        "x-content-type-options",
                        "date",
                        "content-length")
                    .contains(name));
    assertThat(reply.body()).contains("401");
    assertThat(
            web.journal.query(JournalQuery.kind(EventKind.AUTH_FAILED)).stream()
                .map(e -> e.attribute("reason")))
        .contains("WRONG_PASSWORD");
  }

  @Test
  void curlPostingAUsernameTokenToAuthGetsAnRstr() throws IOException {
    Path rst = work.resolve("auth-rst.xml");
    Files.writeString(
        rst,
        WebSamples.usernameTokenRst("LITWAREINC\\kenmyer", "Ken!Lync2013"),
        StandardCharsets.UTF_8);

    Reply reply =
        curl(
            "/WebTicket/WebTicketService.svc/Auth",
            List.of(
                "-H",
                "Content-Type: text/xml; charset=utf-8",
                "-H",
                "SOAPAction: \"http://docs.oasis-open.org/ws-sx/ws-trust/200512/RST/Issue\"",
                "--data-binary",
                "@" + rst));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).contains("RequestSecurityTokenResponse");
    assertThat(
            web.journal
                .await(JournalQuery.kind(EventKind.AUTH_SUCCEEDED), Duration.ofSeconds(5))
                .attribute("scheme"))
        .isEqualTo("UsernameToken");
  }

  @Test
  void curlPostingAUsernameTokenWithAWrongPasswordGetsASoapFault() throws IOException {
    Path rst = work.resolve("auth-rst.xml");
    Files.writeString(
        rst, WebSamples.usernameTokenRst("LITWAREINC\\kenmyer", "wrong"), StandardCharsets.UTF_8);

    Reply reply =
        curl(
            "/WebTicket/WebTicketService.svc/Auth",
            List.of("-H", "Content-Type: text/xml; charset=utf-8", "--data-binary", "@" + rst));

    assertThat(reply.status()).isEqualTo(500);
    assertThat(reply.body()).contains("Fault").doesNotContain("Exception").doesNotContain("at io.");
    assertThat(reply.all("X-Ms-diagnostics")).isNotEmpty();
  }

  @Test
  void curlOauthPasswordGrantGetsACwtAccessToken() throws IOException {
    Reply reply =
        curl(
            "/WebTicket/oauthtoken",
            List.of(
                "--data-urlencode",
                "grant_type=password",
                "--data-urlencode",
                "username=LITWAREINC\\kenmyer",
                "--data-urlencode",
                "password=Ken!Lync2013"));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.all("Content-Type")).singleElement().asString().startsWith("application/json");
    assertThat(reply.body()).matches("(?s).*\"access_token\"\\s*:\\s*\"cwt=.*");
    assertThat(reply.body()).contains("\"token_type\":\"Bearer\"");
  }

  @Test
  void curlOauthPasswordGrantWithAWrongPasswordGetsInvalidGrant() throws IOException {
    Reply reply =
        curl(
            "/WebTicket/oauthtoken",
            List.of(
                "--data-urlencode",
                "grant_type=password",
                "--data-urlencode",
                "username=LITWAREINC\\kenmyer",
                "--data-urlencode",
                "password=nope"));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body()).contains("\"error\":\"invalid_grant\"");
  }
}
