package io.lyncemu.mcx.auth;

import java.util.Optional;

/**
 * Builds AUTHENTICATE messages by hand for cases {@link NtlmClient} deliberately never produces: a
 * hash over a different domain than the one sent, no MIC, old header layouts, NTLMv1.
 */
final class Type3Forge {
  private final byte[] negotiate;
  private final byte[] challengeBytes;
  private final ChallengeMessage challenge;

  Type3Forge(byte[] negotiate, byte[] challengeBytes) {
    this.negotiate = negotiate;
    this.challengeBytes = challengeBytes;
    this.challenge = NtlmParser.parseChallenge(challengeBytes);
  }

  /**
   * NTLMv2 without key exchange.
   *
   * @param hashDomain the domain fed into NTOWFv2
   * @param sentDomain the domain written into the message
   * @param headerLength 64 (no Version, no MIC), 72 (Version) or 88 (Version + MIC)
   * @param announceMic whether the blob's MsvAvFlags says a MIC is present
   */
  byte[] ntlmV2(
      String hashDomain,
      String sentDomain,
      String user,
      String password,
      int headerLength,
      boolean announceMic) {
    TargetInfo pairs = challenge.targetInfo();
    if (announceMic) {
      pairs = pairs.with(AvPair.ofInt(AvPair.FLAGS, AvPair.FLAG_MIC_PRESENT));
    }
    byte[] blob =
        NtlmCrypto.concat(
            new byte[] {1, 1, 0, 0, 0, 0, 0, 0},
            FileTime.encode(FileTime.of(NtlmFixtures.NOW)),
            NtlmFixtures.hex("1122334455667788"),
            new byte[4],
            pairs.encode(),
            new byte[4]);
    byte[] key = NtlmCrypto.ntowfV2(password, user, hashDomain);
    byte[] proof = NtlmCrypto.ntProofStr(key, challenge.serverChallenge(), blob);
    int flags = challenge.flags() & ~NtlmFlags.KEY_EXCH;
    AuthenticateMessage message =
        new AuthenticateMessage(
            new byte[24],
            NtlmCrypto.concat(proof, blob),
            sentDomain,
            user,
            "OLDBOX",
            new byte[0],
            flags,
            headerLength >= 72 ? Optional.of(NtlmVersion.WINDOWS_10) : Optional.empty(),
            headerLength >= 88 ? Optional.of(new byte[16]) : Optional.empty());
    byte[] encoded = NtlmEncoder.encode(message);
    if (headerLength >= 88) {
      byte[] exported = NtlmCrypto.sessionBaseKeyV2(key, proof);
      byte[] mic = NtlmCrypto.mic(exported, negotiate, challengeBytes, encoded);
      System.arraycopy(mic, 0, encoded, AuthenticateMessage.MIC_OFFSET, 16);
    }
    return encoded;
  }

  /** NTLMv1, with extended session security if {@code ess}. */
  byte[] ntlmV1(String domain, String user, String password, boolean ess) {
    byte[] ntowf = NtlmCrypto.ntowfV1(password);
    byte[] clientChallenge = NtlmFixtures.hex("aaaaaaaaaaaaaaaa");
    byte[] lm;
    byte[] nt;
    int flags = challenge.flags() & ~NtlmFlags.KEY_EXCH;
    if (ess) {
      lm = NtlmCrypto.concat(clientChallenge, new byte[16]);
      nt = NtlmCrypto.ntlm2SessionResponse(ntowf, challenge.serverChallenge(), clientChallenge);
    } else {
      flags &= ~NtlmFlags.EXTENDED_SESSIONSECURITY;
      nt = NtlmCrypto.ntlmV1Response(ntowf, challenge.serverChallenge());
      lm = nt;
    }
    return NtlmEncoder.encode(
        new AuthenticateMessage(
            lm,
            nt,
            domain,
            user,
            "OLDBOX",
            new byte[0],
            flags,
            Optional.empty(),
            Optional.empty()));
  }

  /** Anonymous: empty user, empty NT response, a single zero LM byte. */
  byte[] anonymous() {
    return NtlmEncoder.encode(
        new AuthenticateMessage(
            new byte[1],
            new byte[0],
            "",
            "",
            "",
            new byte[0],
            challenge.flags() | NtlmFlags.ANONYMOUS,
            Optional.of(NtlmVersion.WINDOWS_10),
            Optional.of(new byte[16])));
  }
}
