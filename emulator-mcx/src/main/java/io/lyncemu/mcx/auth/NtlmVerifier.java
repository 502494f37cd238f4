package io.lyncemu.mcx.auth;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks an AUTHENTICATE against the user's password (MS-NLMP §3.2.5.1.2, §3.3): NTLMv2 with the
 * empty-domain retry and the MIC, or NTLMv1 / NTLMv1 with extended session security for old
 * clients. Stateless apart from the credential source; thread-safe if that is.
 */
final class NtlmVerifier {
  /** RespType, HiRespType, 6 reserved, TimeStamp 8, ChallengeFromClient 8, 4 reserved. */
  private static final int BLOB_HEADER = 28;

  private static final int NTLMV1_RESPONSE = 24;

  /**
   * The result of a verification.
   *
   * @param step {@link AuthStep.Authenticated} (without a final header) or {@link
   *     AuthStep.Rejected}
   * @param exportedSessionKey the session key, for SPNEGO's mechListMIC; empty when rejected or
   *     when the protocol gives none
   */
  record Outcome(AuthStep step, Optional<byte[]> exportedSessionKey) {}

  private final NtlmCredentials credentials;

  NtlmVerifier(NtlmCredentials credentials) {
    this.credentials = Objects.requireNonNull(credentials, "credentials");
  }

  Outcome verify(
      byte[] negotiate,
      byte[] challenge,
      byte[] serverChallenge,
      byte[] raw,
      AuthenticateMessage m) {
    byte[] nt = m.ntChallengeResponse();
    byte[] lm = m.lmChallengeResponse();
    if (m.user().isEmpty()
        && nt.length == 0
        && (lm.length == 0 || (lm.length == 1 && lm[0] == 0))) {
      return reject(AuthFailure.ANONYMOUS, "Anonymous NTLM logon");
    }
    Optional<String> password = credentials.passwordOf(m.domain(), m.user());
    if (password.isEmpty()) {
      return reject(AuthFailure.UNKNOWN_USER, "No such user: " + qualified(m));
    }
    if (nt.length == NTLMV1_RESPONSE) {
      return verifyV1(serverChallenge, m, password.get());
    }
    if (nt.length < 16 + BLOB_HEADER + 4) {
      throw new NtlmFormatException("NtChallengeResponse of " + nt.length + " bytes");
    }
    return verifyV2(negotiate, challenge, serverChallenge, raw, m, password.get());
  }

  private Outcome verifyV2(
      byte[] negotiate,
      byte[] challenge,
      byte[] serverChallenge,
      byte[] raw,
      AuthenticateMessage m,
      String password) {
    byte[] nt = m.ntChallengeResponse();
    byte[] proof = Arrays.copyOfRange(nt, 0, 16);
    byte[] blob = Arrays.copyOfRange(nt, 16, nt.length);
    if (blob[0] != 1 || blob[1] != 1) {
      throw new NtlmFormatException("NTLMv2 blob has RespType " + blob[0] + "/" + blob[1]);
    }
    TargetInfo blobPairs = TargetInfo.decode(blob, BLOB_HEADER, blob.length);
    byte[] responseKey = null;
    // MS-NLMP §3.3.2: servers SHOULD also accept clients that computed NTOWFv2 with a NIL domain.
    for (String domain : m.domain().isEmpty() ? new String[] {""} : new String[] {m.domain(), ""}) {
      byte[] candidate = NtlmCrypto.ntowfV2(password, m.user(), domain);
      if (NtlmCrypto.constantTimeEquals(
          NtlmCrypto.ntProofStr(candidate, serverChallenge, blob), proof)) {
        responseKey = candidate;
        break;
      }
    }
    if (responseKey == null) {
      return reject(AuthFailure.WRONG_PASSWORD, "NTLMv2 response mismatch for " + qualified(m));
    }
    byte[] keyExchangeKey = NtlmCrypto.sessionBaseKeyV2(responseKey, proof);
    byte[] encryptedKey = m.encryptedRandomSessionKey();
    byte[] exportedSessionKey =
        NtlmFlags.has(m.flags(), NtlmFlags.KEY_EXCH) && encryptedKey.length == 16
            ? NtlmCrypto.rc4(keyExchangeKey, encryptedKey)
            : keyExchangeKey;
    boolean micPromised = (blobPairs.flags().orElse(0) & AvPair.FLAG_MIC_PRESENT) != 0;
    if (micPromised) {
      if (m.mic().isEmpty()) {
        return reject(AuthFailure.MIC_MISMATCH, "MsvAvFlags announces a MIC but none was sent");
      }
      byte[] zeroed = raw.clone();
      Arrays.fill(
          zeroed,
          AuthenticateMessage.MIC_OFFSET,
          AuthenticateMessage.MIC_OFFSET + AuthenticateMessage.MIC_LENGTH,
          (byte) 0);
      byte[] expected = NtlmCrypto.mic(exportedSessionKey, negotiate, challenge, zeroed);
      if (!NtlmCrypto.constantTimeEquals(expected, m.mic().get())) {
        return reject(AuthFailure.MIC_MISMATCH, "MIC mismatch for " + qualified(m));
      }
    }
    return accept(m, Optional.of(exportedSessionKey));
  }

  private Outcome verifyV1(byte[] serverChallenge, AuthenticateMessage m, String password) {
    byte[] ntowf = NtlmCrypto.ntowfV1(password);
    byte[] lm = m.lmChallengeResponse();
    boolean extended =
        NtlmFlags.has(m.flags(), NtlmFlags.EXTENDED_SESSIONSECURITY)
            && lm.length == NTLMV1_RESPONSE
            && isZero(lm, 8, NTLMV1_RESPONSE);
    byte[] expected =
        extended
            ? NtlmCrypto.ntlm2SessionResponse(ntowf, serverChallenge, Arrays.copyOf(lm, 8))
            : NtlmCrypto.ntlmV1Response(ntowf, serverChallenge);
    if (!NtlmCrypto.constantTimeEquals(expected, m.ntChallengeResponse())) {
      return reject(AuthFailure.WRONG_PASSWORD, "NTLMv1 response mismatch for " + qualified(m));
    }
    // NTLMv1 carries no MsvAvFlags, so there is no MIC to check; no key is exported for SPNEGO.
    return accept(m, Optional.empty());
  }

  private static Outcome accept(AuthenticateMessage m, Optional<byte[]> key) {
    return new Outcome(
        new AuthStep.Authenticated(m.domain(), m.user(), m.workstation(), Optional.empty()), key);
  }

  private static Outcome reject(AuthFailure failure, String detail) {
    return new Outcome(new AuthStep.Rejected(failure, detail), Optional.empty());
  }

  private static String qualified(AuthenticateMessage m) {
    return m.domain() + "\\" + m.user();
  }

  private static boolean isZero(byte[] bytes, int from, int to) {
    int accumulator = 0;
    for (int i = from; i < to; i++) {
      accumulator |= bytes[i];
    }
    return accumulator == 0;
  }
}
