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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's python3-requests-ntlm (requests + ntlm-auth, NTLMv2 with channel bindings over TLS)
 * against the WinNegotiate port. Under OpenSSL 3 its MD4 needs the legacy provider, so the script
 * runs with an OPENSSL_CONF that activates it (PROTOCOLS.md §11.6).
 */
class PythonRequestsNtlmPeerTest {
  private static final String POOL = "atl-cs-001.litwareinc.com";

  /** Connects to the loopback address (in the certificate's SANs) and names the pool in Host. */
  private static final String SCRIPT =
      """
      import sys
      import requests
      from requests_ntlm import HttpNtlmAuth

      url, ca, user, password, body, host = sys.argv[1:7]
      with open(body, "rb") as f:
          data = f.read()
      reply = requests.post(
          url,
          data=data,
          headers={"Content-Type": "text/xml; charset=utf-8", "Host": host},
          auth=HttpNtlmAuth(user, password),
          verify=ca,
          timeout=20,
      )
      sys.stdout.write("%d\\n" % reply.status_code)
      sys.stdout.write(reply.text)
      """;

  private static final String OPENSSL_CONF =
      """
      openssl_conf = openssl_init

      [openssl_init]
      providers = provider_sect

      [provider_sect]
      default = default_sect
      legacy = legacy_sect

      [default_sect]
      activate = 1

      [legacy_sect]
      activate = 1
      """;

  @TempDir Path state;
  @TempDir Path work;
  private WebFixture web;
  private Peer python;

  @BeforeEach
  void start() {
    python = Peer.pythonRequestsNtlm().require();
    web = new WebFixture(state);
  }

  @AfterEach
  void stop() {
    if (web != null) {
      web.close();
    }
  }

  private record Reply(int status, String body) {}

  private Reply post(String user, String password) throws IOException {
    Path script = Files.writeString(work.resolve("ntlm_post.py"), SCRIPT, StandardCharsets.UTF_8);
    Path conf =
        Files.writeString(work.resolve("openssl.cnf"), OPENSSL_CONF, StandardCharsets.UTF_8);
    Path body = Files.writeString(work.resolve("rst.xml"), WebSamples.RST, StandardCharsets.UTF_8);
    int port = web.httpsPort();
    Peer.Result run =
        python.run(
            List.of(
                script.toString(),
                "https://127.0.0.1:" + port + "/WebTicket/WebTicketService.svc",
                web.ca.pemFile().toString(),
                user,
                password,
                body.toString(),
                POOL + ":" + port),
            Map.of("OPENSSL_CONF", conf.toString(), "PYTHONDONTWRITEBYTECODE", "1"));
    assertThat(run.exit()).as("python exit code; stderr: %s", run.stderr()).isZero();
    int newline = run.stdout().indexOf('\n');
    return new Reply(
        Integer.parseInt(run.stdout().substring(0, newline).trim()),
        run.stdout().substring(newline + 1));
  }

  @Test
  void requestsNtlmWithTheRightPasswordGetsAnRstr() throws IOException {
    Reply reply = post("LITWAREINC\\kenmyer", "Ken!Lync2013");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body())
        .contains("RequestSecurityTokenResponse")
        .contains("sip:kenmyer@litwareinc.com");
    assertThat(
            web.journal
                .await(JournalQuery.kind(EventKind.AUTH_SUCCEEDED), Duration.ofSeconds(5))
                .attribute("scheme"))
        .isEqualToIgnoringCase("NTLM");
  }

  @Test
  void requestsNtlmWithAWrongPasswordGets401() throws IOException {
    Reply reply = post("LITWAREINC\\kenmyer", "wrong");

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.body()).contains("401").doesNotContain("RequestSecurityTokenResponse");
  }
}
