package io.lyncemu.mcx.auth;

import static io.lyncemu.mcx.auth.NtlmFixtures.b64;
import static io.lyncemu.mcx.auth.NtlmFixtures.challenge;
import static io.lyncemu.mcx.auth.NtlmFixtures.hex;
import static io.lyncemu.mcx.auth.NtlmFixtures.server;
import static io.lyncemu.mcx.auth.NtlmFixtures.tokenOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The CHALLENGE must look like the one IIS 8.5 sends, byte for byte where it matters. */
class ChallengeLayoutTest {

  private static byte[] challengeFor(int clientFlags) {
    byte[] type1 = NtlmEncoder.encode(new NegotiateMessage(clientFlags, "", "", Optional.empty()));
    return tokenOf(challenge(server().accept("NTLM", b64(type1))).headerValue());
  }

  private static int u32(byte[] bytes, int offset) {
    return (bytes[offset] & 0xFF)
        | (bytes[offset + 1] & 0xFF) << 8
        | (bytes[offset + 2] & 0xFF) << 16
        | (bytes[offset + 3] & 0xFF) << 24;
  }

  @Test
  void plainClientGetsTheIisBaselineFlags() {
    byte[] challenge = challengeFor(NtlmFlags.UNICODE | NtlmFlags.NTLM | NtlmFlags.REQUEST_TARGET);

    assertThat(Arrays.copyOfRange(challenge, 0, 12)).isEqualTo(hex("4e544c4d5353500002000000"));
    assertThat(u32(challenge, 20)).isEqualTo(0xA2898205);
  }

  @Test
  void signSealAndKeyExchangeAreEchoedOnlyWhenAsked() {
    int asked = NtlmClient.NEGOTIATE_FLAGS | NtlmFlags.SEAL;

    int flags = u32(challengeFor(asked), 20);

    assertThat(flags).isEqualTo(0xA2898205 | NtlmFlags.SIGN | NtlmFlags.SEAL | NtlmFlags.KEY_EXCH);
    assertThat(flags & NtlmFlags.TARGET_TYPE_DOMAIN).isNotZero();
  }

  @Test
  void targetNameIsTheNetbiosDomainInUtf16() {
    ChallengeMessage challenge =
        NtlmParser.parseChallenge(challengeFor(NtlmClient.NEGOTIATE_FLAGS));

    assertThat(challenge.targetName()).isEqualTo("LITWAREINC");
  }

  @Test
  void targetInfoListsNamesOneToFiveThenTheTimestampThenEol() {
    byte[] bytes = challengeFor(NtlmClient.NEGOTIATE_FLAGS);
    ChallengeMessage challenge = NtlmParser.parseChallenge(bytes);

    assertThat(challenge.targetInfo().pairs())
        .extracting(AvPair::id)
        .containsExactly(1, 2, 3, 4, 5, 7);
    assertThat(challenge.targetInfo().pairs().subList(0, 5))
        .extracting(AvPair::text)
        .containsExactly(
            "ATL-CS-001",
            "LITWAREINC",
            "atl-cs-001.litwareinc.com",
            "litwareinc.com",
            "litwareinc.com");
    assertThat(FileTime.toInstant(challenge.targetInfo().timestamp().orElseThrow()))
        .isEqualTo(NtlmFixtures.NOW);
    assertThat(Arrays.copyOfRange(bytes, bytes.length - 4, bytes.length)).containsOnly(0);
  }

  @Test
  void versionIsWindowsServer2012R2Build9600Revision15() {
    byte[] challenge = challengeFor(NtlmClient.NEGOTIATE_FLAGS);

    assertThat(Arrays.copyOfRange(challenge, 48, 56)).isEqualTo(hex("060380250000000f"));
  }

  @Test
  void payloadStartsRightAfterTheVersionWithTheTargetName() {
    byte[] challenge = challengeFor(NtlmClient.NEGOTIATE_FLAGS);

    assertThat(u32(challenge, 16)).isEqualTo(56);
    assertThat(u32(challenge, 44)).isEqualTo(56 + "LITWAREINC".length() * 2);
  }

  @Test
  void serverChallengeComesFromTheInjectedRandomGenerator() {
    byte[] expected = new byte[8];
    new SplittableRandom(99).nextBytes(expected);
    byte[] type1 = new NtlmClient(new SplittableRandom(1), NtlmFixtures.CLOCK).negotiate();

    byte[] challenge =
        tokenOf(
            challenge(server(new SplittableRandom(99)).accept("NTLM", b64(type1))).headerValue());

    assertThat(Arrays.copyOfRange(challenge, 24, 32)).isEqualTo(expected);
    assertThat(Arrays.copyOfRange(challenge, 32, 40)).containsOnly(0);
  }

  @Test
  void oemOnlyClientGetsOemStrings() {
    ChallengeMessage challenge =
        NtlmParser.parseChallenge(challengeFor(NtlmFlags.OEM | NtlmFlags.NTLM));

    assertThat(challenge.flags() & NtlmFlags.UNICODE).isZero();
    assertThat(challenge.flags() & NtlmFlags.OEM).isNotZero();
    assertThat(challenge.targetName()).isEqualTo("LITWAREINC");
  }
}
