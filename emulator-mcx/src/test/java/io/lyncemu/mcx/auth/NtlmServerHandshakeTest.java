package io.lyncemu.mcx.auth;

import static io.lyncemu.mcx.auth.NtlmFixtures.b64;
import static io.lyncemu.mcx.auth.NtlmFixtures.challenge;
import static io.lyncemu.mcx.auth.NtlmFixtures.client;
import static io.lyncemu.mcx.auth.NtlmFixtures.schemeOf;
import static io.lyncemu.mcx.auth.NtlmFixtures.server;
import static io.lyncemu.mcx.auth.NtlmFixtures.tokenOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Client-to-server round trips through every framing, and the handshake's failure modes. */
class NtlmServerHandshakeTest {

  private static AuthStep rawRoundTrip(String scheme, String domain, String user, String password) {
    NtlmServerHandshake server = server();
    NtlmClient client = client();
    AuthStep.Challenge challenge = challenge(server.accept(scheme, b64(client.negotiate())));
    byte[] type3 =
        client.authenticate(tokenOf(challenge.headerValue()), domain, user, password, "WS1");
    return server.accept(scheme, b64(type3));
  }

  @Test
  void rawNtlmSchemeAuthenticatesTheRightPassword() {
    AuthStep step = rawRoundTrip("NTLM", "LITWAREINC", "alice", "Pa$$w0rd!");

    assertThat(step)
        .isEqualTo(new AuthStep.Authenticated("LITWAREINC", "alice", "WS1", Optional.empty()));
  }

  @Test
  void rawNtlmsspInsideNegotiateAuthenticatesWithoutAFinalToken() {
    NtlmServerHandshake server = server();
    NtlmClient client = client();
    AuthStep.Challenge challenge = challenge(server.accept("Negotiate", b64(client.negotiate())));

    assertThat(schemeOf(challenge.headerValue())).isEqualTo("Negotiate");
    assertThat(challenge.headerValue()).startsWith("Negotiate TlRMTVNTUAACAAAA");
    byte[] type3 =
        client.authenticate(
            tokenOf(challenge.headerValue()), "LITWAREINC", "bob", "hunter2", "WS2");
    assertThat(server.accept("Negotiate", b64(type3)))
        .isEqualTo(new AuthStep.Authenticated("LITWAREINC", "bob", "WS2", Optional.empty()));
  }

  @Test
  void schemeNameIsMatchedCaseInsensitivelyAndEchoedCanonically() {
    NtlmServerHandshake server = server();
    AuthStep.Challenge challenge = challenge(server.accept("ntlm", b64(client().negotiate())));

    assertThat(challenge.headerValue()).startsWith("NTLM TlRMTVNTUAACAAAA");
  }

  @Test
  void spnegoWrappedHandshakeAuthenticatesAndEndsWithAcceptCompleted() {
    NtlmServerHandshake server = server();
    NtlmClient client = client();
    AuthStep.Challenge challenge =
        challenge(server.accept("Negotiate", b64(Spnego.wrapNegotiate(client.negotiate()))));

    assertThat(challenge.headerValue()).startsWith("Negotiate oY");
    byte[] negTokenResp = tokenOf(challenge.headerValue());
    assertThat(Spnego.negState(negTokenResp)).contains(NegState.ACCEPT_INCOMPLETE);
    byte[] type3 =
        client.authenticate(
            Spnego.unwrapChallenge(negTokenResp), "LITWAREINC", "alice", "Pa$$w0rd!", "WS1");
    AuthStep step = server.accept("Negotiate", b64(Spnego.wrapAuthenticate(type3)));

    assertThat(step).isInstanceOf(AuthStep.Authenticated.class);
    AuthStep.Authenticated done = (AuthStep.Authenticated) step;
    assertThat(done.user()).isEqualTo("alice");
    assertThat(done.finalHeaderValue()).isPresent();
    byte[] completed = tokenOf(done.finalHeaderValue().get());
    assertThat(Spnego.negState(completed)).contains(NegState.ACCEPT_COMPLETED);
    assertThat(Spnego.mechListMic(completed)).isEmpty();
  }

  @Test
  void spnegoMechListMicFromTheClientIsVerifiedAndAnsweredWithTheServers() {
    NtlmServerHandshake server = server();
    NtlmClient client = client();
    byte[] challengeToken =
        tokenOf(
            challenge(server.accept("Negotiate", b64(Spnego.wrapNegotiate(client.negotiate()))))
                .headerValue());
    byte[] type3 =
        client.authenticate(
            Spnego.unwrapChallenge(challengeToken), "LITWAREINC", "alice", "Pa$$w0rd!", "WS1");
    byte[] mechTypes = Spnego.ntlmOnlyMechTypes();
    AuthStep step =
        server.accept(
            "Negotiate", b64(Spnego.wrapAuthenticate(type3, client.mechListMic(mechTypes))));

    AuthStep.Authenticated done = (AuthStep.Authenticated) step;
    byte[] serverMic =
        Spnego.mechListMic(tokenOf(done.finalHeaderValue().orElseThrow())).orElseThrow();
    assertThat(client.verifyServerMechListMic(mechTypes, serverMic)).isTrue();
  }

  @Test
  void tamperedSpnegoMechListMicIsAMicMismatch() {
    NtlmServerHandshake server = server();
    NtlmClient client = client();
    byte[] challengeToken =
        tokenOf(
            challenge(server.accept("Negotiate", b64(Spnego.wrapNegotiate(client.negotiate()))))
                .headerValue());
    byte[] type3 =
        client.authenticate(
            Spnego.unwrapChallenge(challengeToken), "LITWAREINC", "alice", "Pa$$w0rd!", "WS1");
    byte[] mic = client.mechListMic(Spnego.ntlmOnlyMechTypes());
    mic[6] ^= 1;

    AuthStep step = server.accept("Negotiate", b64(Spnego.wrapAuthenticate(type3, mic)));

    assertThat(step)
        .extracting(s -> ((AuthStep.Rejected) s).failure())
        .isEqualTo(AuthFailure.MIC_MISMATCH);
  }

  @Test
  void spnegoInitListingOnlyKerberosIsAnUnsupportedMechanism() {
    byte[] init =
        SpnegoCodec.encodeInit(
            List.of(Spnego.MS_KERBEROS_OID, Spnego.KERBEROS_OID), Optional.of(new byte[] {1, 2}));

    AuthStep step = server().accept("Negotiate", b64(init));

    assertThat(step).isInstanceOf(AuthStep.Rejected.class);
    assertThat(((AuthStep.Rejected) step).failure()).isEqualTo(AuthFailure.UNSUPPORTED_MECHANISM);
  }

  @Test
  void spnegoInitPreferringKerberosGetsNtlmSelectedAndThenCompletes() {
    NtlmServerHandshake server = server();
    NtlmClient client = client();
    byte[] init =
        SpnegoCodec.encodeInit(
            List.of(Spnego.MS_KERBEROS_OID, Spnego.NTLMSSP_OID), Optional.of(new byte[] {0x60, 0}));

    byte[] select = tokenOf(challenge(server.accept("Negotiate", b64(init))).headerValue());
    assertThat(Spnego.negState(select)).contains(NegState.ACCEPT_INCOMPLETE);
    byte[] type1 =
        SpnegoCodec.encodeResp(
            Optional.empty(), Optional.empty(), Optional.of(client.negotiate()), Optional.empty());
    byte[] challengeToken =
        tokenOf(challenge(server.accept("Negotiate", b64(type1))).headerValue());
    byte[] type3 =
        client.authenticate(
            Spnego.unwrapChallenge(challengeToken), "LITWAREINC", "bob", "hunter2", "WS9");

    assertThat(server.accept("Negotiate", b64(Spnego.wrapAuthenticate(type3))))
        .isInstanceOf(AuthStep.Authenticated.class);
  }

  @Test
  void wrongPasswordIsRejectedAsWrongPassword() {
    AuthStep step = rawRoundTrip("NTLM", "LITWAREINC", "alice", "wrong");

    assertThat(step).isInstanceOf(AuthStep.Rejected.class);
    assertThat(((AuthStep.Rejected) step).failure()).isEqualTo(AuthFailure.WRONG_PASSWORD);
  }

  @Test
  void unknownUserIsRejectedAsUnknownUser() {
    AuthStep step = rawRoundTrip("NTLM", "LITWAREINC", "mallory", "Pa$$w0rd!");

    assertThat(((AuthStep.Rejected) step).failure()).isEqualTo(AuthFailure.UNKNOWN_USER);
  }

  @Test
  void userAndDomainAreReportedAsSentWhateverTheirCase() {
    AuthStep step = rawRoundTrip("NTLM", "litwareinc", "ALICE", "Pa$$w0rd!");

    assertThat(step)
        .isEqualTo(new AuthStep.Authenticated("litwareinc", "ALICE", "WS1", Optional.empty()));
  }

  @Test
  void nonAsciiUserNamesAndPasswordsRoundTrip() {
    AuthStep step = rawRoundTrip("NTLM", "LITWAREINC", "émile", "Mot de passe ü");

    assertThat(step).isInstanceOf(AuthStep.Authenticated.class);
  }

  @Test
  void passwordIsCaseSensitive() {
    AuthStep step = rawRoundTrip("NTLM", "LITWAREINC", "bob", "HUNTER2");

    assertThat(((AuthStep.Rejected) step).failure()).isEqualTo(AuthFailure.WRONG_PASSWORD);
  }

  @Test
  void authenticateWithoutAPriorNegotiateIsUnexpected() {
    NtlmServerHandshake other = server();
    NtlmClient client = client();
    byte[] challengeToken =
        tokenOf(challenge(other.accept("NTLM", b64(client.negotiate()))).headerValue());
    byte[] type3 = client.authenticate(challengeToken, "LITWAREINC", "alice", "Pa$$w0rd!", "WS1");

    AuthStep step = server().accept("NTLM", b64(type3));

    assertThat(((AuthStep.Rejected) step).failure()).isEqualTo(AuthFailure.UNEXPECTED_MESSAGE);
  }

  @Test
  void aSecondAuthenticateAfterSuccessIsUnexpected() {
    NtlmServerHandshake server = server();
    NtlmClient client = client();
    byte[] challengeToken =
        tokenOf(challenge(server.accept("NTLM", b64(client.negotiate()))).headerValue());
    byte[] type3 = client.authenticate(challengeToken, "LITWAREINC", "alice", "Pa$$w0rd!", "WS1");
    assertThat(server.accept("NTLM", b64(type3))).isInstanceOf(AuthStep.Authenticated.class);

    AuthStep replay = server.accept("NTLM", b64(type3));

    assertThat(((AuthStep.Rejected) replay).failure()).isEqualTo(AuthFailure.UNEXPECTED_MESSAGE);
  }

  @Test
  void aNewNegotiateRestartsTheHandshakeWithAFreshChallenge() {
    NtlmServerHandshake server = server();
    NtlmClient first = client();
    byte[] firstChallenge =
        tokenOf(challenge(server.accept("NTLM", b64(first.negotiate()))).headerValue());
    NtlmClient second = client();
    byte[] secondChallenge =
        tokenOf(challenge(server.accept("NTLM", b64(second.negotiate()))).headerValue());
    assertThat(NtlmParser.parseChallenge(secondChallenge).serverChallenge())
        .isNotEqualTo(NtlmParser.parseChallenge(firstChallenge).serverChallenge());

    byte[] stale = first.authenticate(firstChallenge, "LITWAREINC", "alice", "Pa$$w0rd!", "WS1");
    assertThat(((AuthStep.Rejected) server.accept("NTLM", b64(stale))).failure())
        .isIn(AuthFailure.WRONG_PASSWORD, AuthFailure.MIC_MISMATCH);

    byte[] freshChallenge =
        tokenOf(challenge(server.accept("NTLM", b64(second.negotiate()))).headerValue());
    byte[] fresh = second.authenticate(freshChallenge, "LITWAREINC", "alice", "Pa$$w0rd!", "WS1");
    assertThat(server.accept("NTLM", b64(fresh))).isInstanceOf(AuthStep.Authenticated.class);
  }

  @Test
  void switchingSchemeMidHandshakeIsUnexpected() {
    NtlmServerHandshake server = server();
    NtlmClient client = client();
    byte[] challengeToken =
        tokenOf(challenge(server.accept("NTLM", b64(client.negotiate()))).headerValue());
    byte[] type3 = client.authenticate(challengeToken, "LITWAREINC", "alice", "Pa$$w0rd!", "WS1");

    AuthStep step = server.accept("Negotiate", b64(type3));

    assertThat(((AuthStep.Rejected) step).failure()).isEqualTo(AuthFailure.UNEXPECTED_MESSAGE);
  }

  @Test
  void unknownSchemeIsAnUnsupportedMechanism() {
    AuthStep step = server().accept("Basic", "YWxpY2U6cGFzcw==");

    assertThat(((AuthStep.Rejected) step).failure()).isEqualTo(AuthFailure.UNSUPPORTED_MECHANISM);
  }

  @Test
  void everyRejectionResetsTheHandshake() {
    NtlmServerHandshake server = server();
    NtlmClient client = client();
    byte[] challengeToken =
        tokenOf(challenge(server.accept("NTLM", b64(client.negotiate()))).headerValue());
    server.accept("NTLM", "!!not base64!!");
    byte[] type3 = client.authenticate(challengeToken, "LITWAREINC", "alice", "Pa$$w0rd!", "WS1");

    AuthStep step = server.accept("NTLM", b64(type3));

    assertThat(((AuthStep.Rejected) step).failure()).isEqualTo(AuthFailure.UNEXPECTED_MESSAGE);
  }
}
