package io.lyncemu.mcx.auth;

import static io.lyncemu.mcx.auth.NtlmFixtures.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The message records survive encode/parse, and the parser understands older layouts. */
class NtlmCodecTest {

  @Test
  void negotiateRoundTripsWithVersionAndOemNames() {
    NegotiateMessage message =
        new NegotiateMessage(
            NtlmClient.NEGOTIATE_FLAGS
                | NtlmFlags.OEM_DOMAIN_SUPPLIED
                | NtlmFlags.OEM_WORKSTATION_SUPPLIED,
            "LITWARE",
            "WS1",
            Optional.of(NtlmVersion.WINDOWS_10));

    assertThat(NtlmParser.parseNegotiate(NtlmEncoder.encode(message))).isEqualTo(message);
  }

  @Test
  void windowsNegotiateWithZeroOffsetsStillHasItsVersionRead() {
    // A Windows 7 type 1: flags 0xE2088297, empty fields with zero offsets, version 6.1.7601.
    byte[] type1 =
        Base64.getDecoder().decode("TlRMTVNTUAABAAAAl4II4gAAAAAAAAAAAAAAAAAAAAAGAbEdAAAADw==");

    NegotiateMessage message = NtlmParser.parseNegotiate(type1);

    assertThat(message.flags()).isEqualTo(0xE2088297);
    assertThat(message.version()).contains(new NtlmVersion(6, 1, 7601, 15));
  }

  @Test
  void sixteenByteNegotiateOfVeryOldClientsIsAccepted() {
    byte[] type1 = hex("4e544c4d5353500001000000 07820000");

    assertThat(NtlmParser.parseNegotiate(type1).flags()).isEqualTo(0x8207);
  }

  @Test
  void challengeRoundTripsWithTargetInfo() {
    ChallengeMessage message =
        new ChallengeMessage(
            ChallengeIssuer.BASE_FLAGS,
            "LITWAREINC",
            hex("0123456789abcdef"),
            new TargetInfo(
                List.of(
                    AvPair.ofString(AvPair.NB_DOMAIN_NAME, "LITWAREINC"),
                    new AvPair(AvPair.TIMESTAMP, FileTime.encode(42)))),
            Optional.of(NtlmVersion.WINDOWS_SERVER_2012_R2));

    ChallengeMessage parsed = NtlmParser.parseChallenge(NtlmEncoder.encode(message));

    assertThat(parsed.flags()).isEqualTo(message.flags());
    assertThat(parsed.targetName()).isEqualTo("LITWAREINC");
    assertThat(parsed.serverChallenge()).isEqualTo(hex("0123456789abcdef"));
    assertThat(parsed.targetInfo()).isEqualTo(message.targetInfo());
    assertThat(parsed.targetInfo().timestamp()).hasValue(42);
    assertThat(parsed.version()).isEqualTo(message.version());
  }

  @Test
  void authenticateRoundTripsWithMic() {
    AuthenticateMessage message =
        new AuthenticateMessage(
            new byte[24],
            hex("00112233445566778899aabbccddeeff0101"),
            "LITWAREINC",
            "alice",
            "WS1",
            hex("ffeeddccbbaa99887766554433221100"),
            NtlmClient.NEGOTIATE_FLAGS,
            Optional.of(NtlmVersion.WINDOWS_10),
            Optional.of(hex("0102030405060708090a0b0c0d0e0f10")));

    AuthenticateMessage parsed = NtlmParser.parseAuthenticate(NtlmEncoder.encode(message));

    assertThat(parsed.ntChallengeResponse()).isEqualTo(message.ntChallengeResponse());
    assertThat(parsed.lmChallengeResponse()).isEqualTo(message.lmChallengeResponse());
    assertThat(parsed.encryptedRandomSessionKey()).isEqualTo(message.encryptedRandomSessionKey());
    assertThat(List.of(parsed.domain(), parsed.user(), parsed.workstation()))
        .containsExactly("LITWAREINC", "alice", "WS1");
    assertThat(parsed.mic())
        .hasValueSatisfying(mic -> assertThat(mic).isEqualTo(message.mic().get()));
    assertThat(parsed.version()).isEqualTo(message.version());
  }

  @Test
  void timestampConvertsBetweenFileTimeAndInstant() {
    // The Unix epoch is the well-known FILETIME 116444736000000000.
    assertThat(FileTime.of(Instant.EPOCH)).isEqualTo(116_444_736_000_000_000L);
    assertThat(FileTime.of(Instant.ofEpochSecond(1, 500))).isEqualTo(116_444_736_010_000_005L);
    assertThat(FileTime.toInstant(FileTime.of(NtlmFixtures.NOW))).isEqualTo(NtlmFixtures.NOW);
  }

  @Test
  void avPairListWithoutEolIsMalformed() {
    assertThatThrownBy(() -> TargetInfo.decode(hex("0200020041 00")))
        .isInstanceOf(NtlmFormatException.class);
  }

  @Test
  void messagesExposeCopiesOfTheirBytes() {
    byte[] challenge = hex("0123456789abcdef");
    ChallengeMessage message =
        new ChallengeMessage(0, "", challenge, TargetInfo.empty(), Optional.empty());
    challenge[0] = 9;
    message.serverChallenge()[1] = 9;

    assertThat(message.serverChallenge()).isEqualTo(hex("0123456789abcdef"));
  }
}
