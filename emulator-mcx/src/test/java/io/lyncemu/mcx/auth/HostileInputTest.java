package io.lyncemu.mcx.auth;

import static io.lyncemu.mcx.auth.NtlmFixtures.b64;
import static io.lyncemu.mcx.auth.NtlmFixtures.challenge;
import static io.lyncemu.mcx.auth.NtlmFixtures.client;
import static io.lyncemu.mcx.auth.NtlmFixtures.hex;
import static io.lyncemu.mcx.auth.NtlmFixtures.server;
import static io.lyncemu.mcx.auth.NtlmFixtures.tokenOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Whatever a client sends, the handshake answers Rejected(MALFORMED_TOKEN) and never throws. */
class HostileInputTest {

  /** A genuine type 1 / type 3 pair for a server built by {@link NtlmFixtures#server()}. */
  private static final byte[] TYPE1;

  private static final byte[] TYPE3;

  static {
    NtlmClient client = client();
    TYPE1 = client.negotiate();
    byte[] type2 = tokenOf(challenge(server().accept("NTLM", b64(TYPE1))).headerValue());
    TYPE3 = client.authenticate(type2, "LITWAREINC", "alice", "Pa$$w0rd!", "WS1");
  }

  private static byte[] type3With(int offset, byte... replacement) {
    byte[] copy = TYPE3.clone();
    System.arraycopy(replacement, 0, copy, offset, replacement.length);
    return copy;
  }

  private static byte[] le32(long value) {
    return new byte[] {
      (byte) value, (byte) (value >>> 8), (byte) (value >>> 16), (byte) (value >>> 24)
    };
  }

  private static int ntOffset() {
    return (TYPE3[24] & 0xFF) | (TYPE3[25] & 0xFF) << 8;
  }

  private static byte[] random(int length) {
    byte[] bytes = new byte[length];
    new SplittableRandom(1234).nextBytes(bytes);
    return bytes;
  }

  static Stream<Arguments> malformed() {
    byte[] spnegoInit = Spnego.wrapNegotiate(TYPE1);
    byte[] challenge =
        NtlmEncoder.encode(
            new ChallengeMessage(
                0xA2898205, "X", new byte[8], TargetInfo.empty(), Optional.empty()));
    byte[] randomWithHeader = random(64 * 1024);
    System.arraycopy(TYPE3, 0, randomWithHeader, 0, 12);
    return Stream.of(
        Arguments.of("not base64", "NTLM", "@@@ not base64 @@@"),
        Arguments.of("empty token", "NTLM", ""),
        Arguments.of("blank token", "Negotiate", "   "),
        Arguments.of("7 bytes", "NTLM", b64("NTLMSSP".getBytes(StandardCharsets.US_ASCII))),
        Arguments.of(
            "signature only", "NTLM", b64("NTLMSSP\0".getBytes(StandardCharsets.US_ASCII))),
        Arguments.of("wrong signature", "NTLM", b64(withByte(TYPE1, 6, 'Q'))),
        Arguments.of("type 2 sent by a client", "NTLM", b64(challenge)),
        Arguments.of("message type 99", "NTLM", b64(withByte(TYPE1, 8, 99))),
        Arguments.of("message type 0xFFFFFFFF", "NTLM", b64(type3With(8, le32(0xFFFFFFFFL)))),
        Arguments.of("type 1 truncated to 15 bytes", "NTLM", b64(Arrays.copyOf(TYPE1, 15))),
        Arguments.of(
            "type 1 domain offset beyond the buffer",
            "NTLM",
            b64(withField(TYPE1, 16, 4, 0x7FFF_FFF0L))),
        Arguments.of("type 3 truncated to 63 bytes", "NTLM", b64(Arrays.copyOf(TYPE3, 63))),
        Arguments.of(
            "type 3 truncated mid-payload", "NTLM", b64(Arrays.copyOf(TYPE3, TYPE3.length - 10))),
        Arguments.of(
            "user offset beyond the buffer", "NTLM", b64(withField(TYPE3, 36, 10, 0x7FFF_FFF0L))),
        Arguments.of("user offset 0xFFFFFFFF", "NTLM", b64(withField(TYPE3, 36, 10, 0xFFFF_FFFFL))),
        Arguments.of("NT length 0xFFFF", "NTLM", b64(withField(TYPE3, 20, 0xFFFF, ntOffset()))),
        Arguments.of("user field overlapping the header", "NTLM", b64(withField(TYPE3, 36, 8, 8))),
        Arguments.of("odd-length UTF-16 user name", "NTLM", b64(withLength(TYPE3, 36, 9))),
        Arguments.of("NT response too short for NTLMv2", "NTLM", b64(withLength(TYPE3, 20, 40))),
        Arguments.of(
            "NTLMv2 blob with a bad RespType", "NTLM", b64(withByte(TYPE3, ntOffset() + 16, 7))),
        Arguments.of(
            "NTLMv2 blob AV pair running past the end",
            "NTLM",
            b64(type3With(ntOffset() + 16 + 28 + 2, (byte) 0xFF, (byte) 0xFF))),
        Arguments.of("64 KiB random blob", "NTLM", b64(random(64 * 1024))),
        Arguments.of("64 KiB random blob in Negotiate", "Negotiate", b64(random(64 * 1024))),
        Arguments.of("64 KiB random type 3", "NTLM", b64(randomWithHeader)),
        Arguments.of("token longer than any header", "NTLM", b64(new byte[128 * 1024])),
        Arguments.of(
            "truncated SPNEGO DER",
            "Negotiate",
            b64(Arrays.copyOf(spnegoInit, spnegoInit.length / 2))),
        Arguments.of(
            "DER length larger than the input", "Negotiate", b64(hex("6082ffff06062b0601050502"))),
        Arguments.of("DER length of 4 bytes", "Negotiate", b64(hex("6084ffffffff06062b06"))),
        Arguments.of("DER length of 9 bytes", "Negotiate", b64(hex("6089ffffffffffffffffff00"))),
        Arguments.of("DER indefinite length cut off", "Negotiate", b64(hex("608006062b06010505"))),
        Arguments.of("SPNEGO trailing garbage", "Negotiate", b64(concat(spnegoInit, hex("00")))),
        Arguments.of(
            "GSS framing with the Kerberos OID", "Negotiate", b64(withByte(spnegoInit, 8, 0x2a))),
        Arguments.of("DER that is not a tagged object", "Negotiate", b64(hex("020101"))),
        Arguments.of(
            "NegTokenResp without responseToken",
            "Negotiate",
            b64(
                SpnegoCodec.encodeResp(
                    Optional.of(NegState.ACCEPT_INCOMPLETE),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty()))),
        Arguments.of(
            "NegTokenResp carrying garbage", "Negotiate", b64(Spnego.wrapAuthenticate(random(40)))),
        Arguments.of("NegTokenResp with negState 7", "Negotiate", b64(hex("a1073005a0030a0107"))),
        Arguments.of(
            "NegTokenResp with an unknown field", "Negotiate", b64(hex("a1073005a7030a0101"))),
        Arguments.of(
            "NegTokenInit without mechTypes", "Negotiate", b64(hex("a0083006a2040402aabb"))),
        Arguments.of(
            "SPNEGO init whose NTLM token is garbage",
            "Negotiate",
            b64(SpnegoCodec.encodeInit(List.of(Spnego.NTLMSSP_OID), Optional.of(random(30))))),
        Arguments.of("SPNEGO token under the NTLM scheme", "NTLM", b64(spnegoInit)));
  }

  private static byte[] withByte(byte[] source, int offset, int value) {
    byte[] copy = source.clone();
    copy[offset] = (byte) value;
    return copy;
  }

  private static byte[] withLength(byte[] source, int field, int length) {
    byte[] copy = source.clone();
    copy[field] = (byte) length;
    copy[field + 1] = (byte) (length >>> 8);
    return copy;
  }

  private static byte[] withField(byte[] source, int field, int length, long offset) {
    byte[] copy = withLength(source, field, length);
    System.arraycopy(le32(offset), 0, copy, field + 4, 4);
    return copy;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    return NtlmCrypto.concat(a, b);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void malformedTokenIsRejectedAsMalformedMidHandshake(String name, String scheme, String token) {
    NtlmServerHandshake server = server();
    byte[] type1 = scheme.equals("NTLM") ? TYPE1 : Spnego.wrapNegotiate(TYPE1);
    assertThat(server.accept(scheme, b64(type1))).isInstanceOf(AuthStep.Challenge.class);

    AuthStep step = server.accept(scheme, token);

    assertThat(step).isInstanceOf(AuthStep.Rejected.class);
    assertThat(((AuthStep.Rejected) step).failure()).isEqualTo(AuthFailure.MALFORMED_TOKEN);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void malformedTokenOnAFreshConnectionIsRejectedWithoutThrowing(
      String name, String scheme, String token) {
    AuthStep step = server().accept(scheme, token);

    assertThat(step).isInstanceOf(AuthStep.Rejected.class);
  }

  @Test
  void nullSchemeAndTokenAreRejectedNotThrown() {
    assertThat(server().accept(null, "TlRMTVNTUAAB")).isInstanceOf(AuthStep.Rejected.class);
    assertThat(server().accept("NTLM", null))
        .isEqualTo(new AuthStep.Rejected(AuthFailure.MALFORMED_TOKEN, "Empty token"));
  }

  @Test
  void everySingleBitFlipOfAMicProtectedAuthenticateIsRejected() {
    for (int i = 0; i < TYPE3.length; i++) {
      NtlmServerHandshake server = server();
      server.accept("NTLM", b64(TYPE1));
      byte[] flipped = withByte(TYPE3, i, TYPE3[i] ^ 0x20);

      AuthStep step = server.accept("NTLM", b64(flipped));

      assertThat(step).as("flip at byte %d", i).isInstanceOf(AuthStep.Rejected.class);
    }
  }

  @Test
  void randomMutationsOfEveryTokenKindNeverEscapeAsExceptions() {
    SplittableRandom random = new SplittableRandom(2024);
    List<byte[]> seeds =
        List.of(TYPE1, TYPE3, Spnego.wrapNegotiate(TYPE1), Spnego.wrapAuthenticate(TYPE3));
    for (int i = 0; i < 4000; i++) {
      byte[] mutated = seeds.get(i % seeds.size()).clone();
      int edits = 1 + random.nextInt(4);
      for (int e = 0; e < edits; e++) {
        mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
      }
      if (random.nextInt(4) == 0) {
        mutated = Arrays.copyOf(mutated, random.nextInt(mutated.length + 1));
      }
      String scheme = i % 2 == 0 ? "NTLM" : "Negotiate";
      NtlmServerHandshake server = server();
      String token = b64(mutated);
      String opening = b64(i % 3 == 0 ? TYPE1 : Spnego.wrapNegotiate(TYPE1));
      assertThatCode(
              () -> {
                server.accept(scheme, opening);
                assertThat(server.accept(scheme, token)).isNotNull();
              })
          .as("mutation %d: %s %s", i, scheme, token)
          .doesNotThrowAnyException();
    }
  }
}
