package io.lyncemu.mcx.auth;

import static io.lyncemu.mcx.auth.NtlmFixtures.b64;
import static io.lyncemu.mcx.auth.NtlmFixtures.challenge;
import static io.lyncemu.mcx.auth.NtlmFixtures.client;
import static io.lyncemu.mcx.auth.NtlmFixtures.server;
import static io.lyncemu.mcx.auth.NtlmFixtures.tokenOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** AUTHENTICATE verification details: MIC, empty-domain retry, old layouts, NTLMv1, anonymous. */
class NtlmVerificationTest {
  private NtlmServerHandshake server;
  private NtlmClient client;
  private byte[] challengeBytes;
  private Type3Forge forge;

  @BeforeEach
  void negotiate() {
    server = server();
    client = client();
    byte[] negotiate = client.negotiate();
    challengeBytes = tokenOf(challenge(server.accept("NTLM", b64(negotiate))).headerValue());
    forge = new Type3Forge(negotiate, challengeBytes);
  }

  private AuthFailure failureOf(byte[] type3) {
    AuthStep step = server.accept("NTLM", b64(type3));
    assertThat(step).isInstanceOf(AuthStep.Rejected.class);
    return ((AuthStep.Rejected) step).failure();
  }

  @Test
  void clientAnnouncesItsMicInMsvAvFlags() {
    byte[] type3 = client.authenticate(challengeBytes, "LITWAREINC", "alice", "Pa$$w0rd!", "WS1");

    AuthenticateMessage message = NtlmParser.parseAuthenticate(type3);
    byte[] nt = message.ntChallengeResponse();
    TargetInfo blobPairs = TargetInfo.decode(Arrays.copyOfRange(nt, 16 + 28, nt.length));
    assertThat(blobPairs.flags()).hasValue(AvPair.FLAG_MIC_PRESENT);
    assertThat(message.mic()).isPresent();
    assertThat(message.encryptedRandomSessionKey()).hasSize(16);
    assertThat(message.lmChallengeResponse()).containsOnly(0).hasSize(24);
  }

  @Test
  void tamperedMicIsAMicMismatch() {
    byte[] type3 = client.authenticate(challengeBytes, "LITWAREINC", "alice", "Pa$$w0rd!", "WS1");
    type3[AuthenticateMessage.MIC_OFFSET + 3] ^= 0x40;

    assertThat(failureOf(type3)).isEqualTo(AuthFailure.MIC_MISMATCH);
  }

  @Test
  void tamperedFlagsOutsideTheBlobAreCaughtByTheMic() {
    byte[] type3 = client.authenticate(challengeBytes, "LITWAREINC", "alice", "Pa$$w0rd!", "WS1");
    type3[60] ^= NtlmFlags.SIGN;

    assertThat(failureOf(type3)).isEqualTo(AuthFailure.MIC_MISMATCH);
  }

  @Test
  void micStrippedWhileMsvAvFlagsStillAnnouncesItIsAMicMismatch() {
    byte[] type3 = forge.ntlmV2("LITWAREINC", "LITWAREINC", "alice", "Pa$$w0rd!", 72, true);

    assertThat(failureOf(type3)).isEqualTo(AuthFailure.MIC_MISMATCH);
  }

  @Test
  void forgedMicWithoutKeyExchangeIsVerified() {
    byte[] type3 = forge.ntlmV2("LITWAREINC", "LITWAREINC", "alice", "Pa$$w0rd!", 88, true);

    assertThat(server.accept("NTLM", b64(type3))).isInstanceOf(AuthStep.Authenticated.class);
  }

  @Test
  void clientThatHashedAnEmptyDomainIsAcceptedByTheRetry() {
    byte[] type3 = forge.ntlmV2("", "LITWAREINC", "alice", "Pa$$w0rd!", 88, true);

    assertThat(server.accept("NTLM", b64(type3)))
        .isEqualTo(new AuthStep.Authenticated("LITWAREINC", "alice", "OLDBOX", Optional.empty()));
  }

  @Test
  void domainCaseMattersToTheHashSoADifferentlyCasedHashIsWrong() {
    byte[] type3 = forge.ntlmV2("LitwareInc", "LITWAREINC", "alice", "Pa$$w0rd!", 88, true);

    assertThat(failureOf(type3)).isEqualTo(AuthFailure.WRONG_PASSWORD);
  }

  @ParameterizedTest(name = "header of {0} bytes")
  @ValueSource(ints = {64, 72})
  void oldClientsWithoutMicAreLocatedByTheLowestPayloadOffset(int headerLength) {
    byte[] type3 = forge.ntlmV2("LITWAREINC", "LITWAREINC", "bob", "hunter2", headerLength, false);
    assertThat(NtlmParser.parseAuthenticate(type3).mic()).isEmpty();
    assertThat(NtlmParser.parseAuthenticate(type3).version().isPresent())
        .isEqualTo(headerLength == 72);

    assertThat(server.accept("NTLM", b64(type3)))
        .isEqualTo(new AuthStep.Authenticated("LITWAREINC", "bob", "OLDBOX", Optional.empty()));
  }

  @ParameterizedTest(name = "extended session security: {0}")
  @ValueSource(booleans = {true, false})
  void ntlmV1ClientsAreVerified(boolean ess) {
    byte[] type3 = forge.ntlmV1("LITWAREINC", "bob", "hunter2", ess);

    assertThat(server.accept("NTLM", b64(type3))).isInstanceOf(AuthStep.Authenticated.class);
  }

  @Test
  void ntlmV1WithTheWrongPasswordIsWrongPassword() {
    assertThat(failureOf(forge.ntlmV1("LITWAREINC", "bob", "hunter3", true)))
        .isEqualTo(AuthFailure.WRONG_PASSWORD);
  }

  @Test
  void anonymousLogonIsRejectedAsAnonymous() {
    assertThat(failureOf(forge.anonymous())).isEqualTo(AuthFailure.ANONYMOUS);
  }

  @Test
  void failuresCarryWindowsStatusesForDiagnostics() {
    assertThat(AuthFailure.WRONG_PASSWORD.statusHex()).isEqualTo("0xC000006D");
    assertThat(AuthFailure.UNKNOWN_USER.statusName()).isEqualTo("STATUS_LOGON_FAILURE");
    assertThat(AuthFailure.MALFORMED_TOKEN.statusName()).isEqualTo("STATUS_INVALID_PARAMETER");
    for (AuthFailure failure : AuthFailure.values()) {
      assertThat(failure.text()).isNotBlank();
      assertThat(failure.statusHex()).matches("0x[0-9A-F]{8}");
    }
  }
}
