package io.lyncemu.mcx.hostile;

import static io.lyncemu.mcx.hostile.RawHttp.WEB_TICKET;
import static io.lyncemu.mcx.hostile.RawHttp.assertNoInternals;
import static io.lyncemu.mcx.hostile.RawHttp.assertStillServing;
import static io.lyncemu.mcx.hostile.RawHttp.b64;
import static io.lyncemu.mcx.hostile.RawHttp.challengeOf;
import static io.lyncemu.mcx.hostile.RawHttp.connect;
import static io.lyncemu.mcx.hostile.RawHttp.exchange;
import static io.lyncemu.mcx.hostile.RawHttp.ntlmClient;
import static io.lyncemu.mcx.hostile.RawHttp.soapHeaders;
import static org.assertj.core.api.Assertions.assertThat;

import io.lyncemu.core.journal.EventKind;
import io.lyncemu.core.journal.JournalQuery;
import io.lyncemu.mcx.WebFixture;
import io.lyncemu.mcx.WebSamples;
import io.lyncemu.mcx.auth.NtlmClient;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Broken, forged and misplaced NTLM messages sent over real connections. */
class HostileNtlmTest {
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

  private RawHttp.Reply send(Socket socket, String authorization) throws IOException {
    Map<String, String> headers = soapHeaders();
    headers.put("Authorization", authorization);
    return exchange(socket, "POST", WEB_TICKET, headers, WebSamples.RST);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "NTLM @@@ not base64 @@@",
        "NTLM TlRMTVNTUAAB====",
        "Negotiate %%%",
        "NTLM " + "QUFB",
        "NTLM",
        "Negotiate YIIBLAYGKwYBBQUCoIIBIDCCARygMDAuBgorBgEEAYI3AgIKBgkqhkiC9xIBAgIGCSqGSIb3EgECAgYKKwYBBAGCNwICHg=="
      })
  void malformedAuthorizationTokensGetA401AndTheServerKeepsServing(String authorization)
      throws IOException {
    try (Socket socket = connect(web.httpPort())) {
      RawHttp.Reply reply = send(socket, authorization);

      assertThat(reply.status()).isIn(400, 401);
      assertNoInternals(reply);
    }
    assertStillServing(web);
  }

  @Test
  void aType1TruncatedBeforeItsFlagsIsRejectedWithout500() throws IOException {
    byte[] type1 = ntlmClient().negotiate();
    try (Socket socket = connect(web.httpPort())) {
      RawHttp.Reply reply = send(socket, "NTLM " + b64(Arrays.copyOf(type1, 12)));

      assertThat(reply.status()).isEqualTo(401);
      assertThat(reply.all("WWW-Authenticate")).containsExactly("Negotiate", "NTLM");
      assertNoInternals(reply);
    }
    assertStillServing(web);
  }

  @Test
  void aType3TruncatedAfterAGenuineChallengeIsRejectedWithout500() throws IOException {
    NtlmClient client = ntlmClient();
    try (Socket socket = connect(web.httpPort())) {
      byte[] challenge = challengeOf(send(socket, "NTLM " + b64(client.negotiate())));
      byte[] type3 =
          client.authenticate(challenge, "LITWAREINC", "kenmyer", "Ken!Lync2013", "WS01");

      RawHttp.Reply reply = send(socket, "NTLM " + b64(Arrays.copyOf(type3, type3.length / 2)));

      assertThat(reply.status()).isEqualTo(401);
      assertThat(reply.body()).doesNotContain("RequestSecurityTokenResponse");
      assertNoInternals(reply);
    }
    assertThat(web.journal.query(JournalQuery.kind(EventKind.AUTH_SUCCEEDED))).isEmpty();
    assertStillServing(web);
  }

  @Test
  void aType3WithoutAType1OnItsConnectionIsRejected() throws IOException {
    NtlmClient client = ntlmClient();
    byte[] challenge;
    try (Socket elsewhere = connect(web.httpPort())) {
      challenge = challengeOf(send(elsewhere, "NTLM " + b64(client.negotiate())));
    }
    byte[] type3 = client.authenticate(challenge, "LITWAREINC", "kenmyer", "Ken!Lync2013", "WS01");
    try (Socket fresh = connect(web.httpPort())) {
      RawHttp.Reply reply = send(fresh, "NTLM " + b64(type3));

      assertThat(reply.status()).isEqualTo(401);
      assertThat(reply.all("WWW-Authenticate")).containsExactly("Negotiate", "NTLM");
      assertNoInternals(reply);
    }
    assertThat(web.journal.query(JournalQuery.kind(EventKind.AUTH_SUCCEEDED))).isEmpty();
    assertStillServing(web);
  }

  @Test
  void aHandshakeSpreadOverTwoOpenConnectionsIsRejectedOnBoth() throws IOException {
    NtlmClient client = ntlmClient();
    try (Socket first = connect(web.httpPort());
        Socket second = connect(web.httpPort())) {
      byte[] challenge = challengeOf(send(first, "NTLM " + b64(client.negotiate())));
      byte[] type3 =
          client.authenticate(challenge, "LITWAREINC", "kenmyer", "Ken!Lync2013", "WS01");
      // Give the second connection a handshake of its own, so a server that kept one global
      // "last challenge" would be caught too.
      challengeOf(send(second, "NTLM " + b64(ntlmClient().negotiate())));

      RawHttp.Reply onSecond = send(second, "NTLM " + b64(type3));

      assertThat(onSecond.status()).isEqualTo(401);
      assertNoInternals(onSecond);
      // The leg on the first connection is still pending and completes there alone.
      RawHttp.Reply onFirst = send(first, "NTLM " + b64(type3));
      assertThat(onFirst.status()).isEqualTo(200);
    }
    assertStillServing(web);
  }

  @Test
  void aReplayedType3OnANewConnectionIsRejected() throws IOException {
    NtlmClient client = ntlmClient();
    byte[] type3;
    try (Socket socket = connect(web.httpPort())) {
      byte[] challenge = challengeOf(send(socket, "NTLM " + b64(client.negotiate())));
      type3 = client.authenticate(challenge, "LITWAREINC", "kenmyer", "Ken!Lync2013", "WS01");
      assertThat(send(socket, "NTLM " + b64(type3)).status()).isEqualTo(200);
    }
    try (Socket replay = connect(web.httpPort())) {
      challengeOf(send(replay, "NTLM " + b64(ntlmClient().negotiate())));

      RawHttp.Reply reply = send(replay, "NTLM " + b64(type3));

      assertThat(reply.status()).isEqualTo(401);
      assertNoInternals(reply);
    }
    assertStillServing(web);
  }
}
