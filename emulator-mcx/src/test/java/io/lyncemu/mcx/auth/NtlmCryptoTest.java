package io.lyncemu.mcx.auth;

import static io.lyncemu.mcx.auth.NtlmFixtures.hex;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The published MS-NLMP §4.2 test vectors (PROTOCOLS.md 7.6). */
class NtlmCryptoTest {
  private static final byte[] SERVER_CHALLENGE = hex("0123456789abcdef");
  private static final byte[] CLIENT_CHALLENGE = hex("aaaaaaaaaaaaaaaa");

  /**
   * The §4.2.4 NTLMv2 blob: time 0, client challenge, AV pairs NbDomain "Domain", NbComputer
   * "Server".
   */
  private static byte[] vectorBlob() {
    TargetInfo pairs =
        new TargetInfo(
            List.of(
                AvPair.ofString(AvPair.NB_DOMAIN_NAME, "Domain"),
                AvPair.ofString(AvPair.NB_COMPUTER_NAME, "Server")));
    return NtlmCrypto.concat(
        hex("0101000000000000"),
        new byte[8],
        CLIENT_CHALLENGE,
        new byte[4],
        pairs.encode(),
        new byte[4]);
  }

  @Test
  void ntowfV1IsMd4OfTheUtf16Password() {
    assertThat(NtlmCrypto.ntowfV1("Password")).isEqualTo(hex("a4f49c406510bdcab6824ee7c30fd852"));
  }

  @Test
  void ntowfV2UpperCasesTheUserButKeepsTheDomainAsSent() {
    assertThat(NtlmCrypto.ntowfV2("Password", "User", "Domain"))
        .isEqualTo(hex("0c868a403bfd7a93a3001ef22ef02e3f"));
    assertThat(NtlmCrypto.ntowfV2("Password", "user", "Domain"))
        .isEqualTo(hex("0c868a403bfd7a93a3001ef22ef02e3f"));
    assertThat(NtlmCrypto.ntowfV2("Password", "User", "DOMAIN"))
        .isNotEqualTo(hex("0c868a403bfd7a93a3001ef22ef02e3f"));
  }

  @Test
  void ntProofStrMatchesTheSpecVector() {
    byte[] key = NtlmCrypto.ntowfV2("Password", "User", "Domain");
    assertThat(NtlmCrypto.ntProofStr(key, SERVER_CHALLENGE, vectorBlob()))
        .isEqualTo(hex("68cd0ab851e51c96aabc927bebef6a1c"));
  }

  @Test
  void sessionBaseKeyMatchesTheSpecVector() {
    byte[] key = NtlmCrypto.ntowfV2("Password", "User", "Domain");
    byte[] proof = NtlmCrypto.ntProofStr(key, SERVER_CHALLENGE, vectorBlob());
    assertThat(NtlmCrypto.sessionBaseKeyV2(key, proof))
        .isEqualTo(hex("8de40ccadbc14a82f15cb0ad0de95ca3"));
  }

  @Test
  void lmV2ResponseIsTheHmacFollowedByTheClientChallenge() {
    byte[] key = NtlmCrypto.ntowfV2("Password", "User", "Domain");
    assertThat(NtlmCrypto.lmV2Response(key, SERVER_CHALLENGE, CLIENT_CHALLENGE))
        .isEqualTo(hex("86c35097ac9cec102554764a57cccc19aaaaaaaaaaaaaaaa"));
  }

  @Test
  void ntlmV1ResponseMatchesTheSpecVector() {
    assertThat(NtlmCrypto.ntlmV1Response(NtlmCrypto.ntowfV1("Password"), SERVER_CHALLENGE))
        .isEqualTo(hex("67c43011f30298a2ad35ece64f16331c44bdbed927841f94"));
  }

  @Test
  void ntlmV1WithExtendedSessionSecurityMatchesTheSpecVector() {
    assertThat(
            NtlmCrypto.ntlm2SessionResponse(
                NtlmCrypto.ntowfV1("Password"), SERVER_CHALLENGE, CLIENT_CHALLENGE))
        .isEqualTo(hex("7537f803ae367128ca458204bde7caf81e97ed2683267232"));
  }

  @Test
  void rc4IsItsOwnInverse() {
    byte[] key = hex("55555555555555555555555555555555");
    byte[] plain = hex("0102030405060708090a0b0c0d0e0f10");
    assertThat(NtlmCrypto.rc4(key, NtlmCrypto.rc4(key, plain))).isEqualTo(plain);
  }

  @Test
  void constantTimeEqualsComparesContentAndLength() {
    assertThat(NtlmCrypto.constantTimeEquals(hex("0102"), hex("0102"))).isTrue();
    assertThat(NtlmCrypto.constantTimeEquals(hex("0102"), hex("0103"))).isFalse();
    assertThat(NtlmCrypto.constantTimeEquals(hex("0102"), hex("010203"))).isFalse();
  }
}
