package io.lyncemu.mcx.auth;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.random.RandomGenerator;

/**
 * A real NTLMv2 client (MS-NLMP §3.1) that works against any NTLM server: the emulator's synthetic
 * transactions and tests use it. It behaves like a modern Windows client: NTLMv2 only, a MIC with
 * MsvAvFlags 0x2 whenever the CHALLENGE carries a timestamp, key exchange when negotiated. One
 * instance per handshake, since the MIC covers the NEGOTIATE it sent. Not thread-safe.
 */
public final class NtlmClient {
  /**
   * What Windows 10 sends: 56 | KEY_EXCH | 128 | VERSION | ESS | ALWAYS_SIGN | NTLM | LM_KEY | SIGN
   * | REQUEST_TARGET | OEM | UNICODE.
   */
  public static final int NEGOTIATE_FLAGS = 0xE2088297;

  private static final int SUPPORTED_FLAGS =
      NEGOTIATE_FLAGS
          | NtlmFlags.TARGET_INFO
          | NtlmFlags.TARGET_TYPE_DOMAIN
          | NtlmFlags.TARGET_TYPE_SERVER
          | NtlmFlags.SEAL;

  private final RandomGenerator random;
  private final Clock clock;

  private byte[] negotiate;
  private Optional<byte[]> exportedSessionKey = Optional.empty();
  private int negotiatedFlags;

  public NtlmClient(RandomGenerator random, Clock clock) {
    this.random = Objects.requireNonNull(random, "random");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Builds the NEGOTIATE (type 1) and remembers it for the MIC. */
  public byte[] negotiate() {
    negotiate =
        NtlmEncoder.encode(
            new NegotiateMessage(NEGOTIATE_FLAGS, "", "", Optional.of(NtlmVersion.WINDOWS_10)));
    exportedSessionKey = Optional.empty();
    return negotiate.clone();
  }

  /**
   * Answers a CHALLENGE (type 2) with an NTLMv2 AUTHENTICATE (type 3).
   *
   * @throws NtlmFormatException if the challenge cannot be parsed
   * @throws IllegalStateException if {@link #negotiate()} was not called first
   */
  public byte[] authenticate(
      byte[] challengeMessage, String domain, String user, String password, String workstation) {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(workstation, "workstation");
    if (negotiate == null) {
      throw new IllegalStateException("negotiate() must come first");
    }
    ChallengeMessage challenge = NtlmParser.parseChallenge(challengeMessage);
    int flags = (challenge.flags() & SUPPORTED_FLAGS) | NtlmFlags.NTLM;
    if (!NtlmFlags.has(flags, NtlmFlags.OEM | NtlmFlags.UNICODE)) {
      flags |= NtlmFlags.UNICODE;
    }
    if (NtlmFlags.has(flags, NtlmFlags.UNICODE)) {
      flags &= ~NtlmFlags.OEM;
    }

    OptionalLong serverTime = challenge.targetInfo().timestamp();
    // MS-NLMP §3.1.5.1.2: use the server's timestamp when it sent one, to avoid clock skew.
    long time = serverTime.orElseGet(() -> FileTime.of(clock.instant()));
    boolean withMic = serverTime.isPresent();
    TargetInfo pairs = challenge.targetInfo();
    if (withMic) {
      pairs = pairs.with(AvPair.ofInt(AvPair.FLAGS, AvPair.FLAG_MIC_PRESENT));
    }
    byte[] clientChallenge = randomBytes(8);
    byte[] blob =
        NtlmCrypto.concat(
            new byte[] {1, 1, 0, 0, 0, 0, 0, 0},
            FileTime.encode(time),
            clientChallenge,
            new byte[4],
            pairs.encode(),
            new byte[4]);
    byte[] serverChallenge = challenge.serverChallenge();
    byte[] responseKey = NtlmCrypto.ntowfV2(password, user, domain);
    byte[] proof = NtlmCrypto.ntProofStr(responseKey, serverChallenge, blob);
    byte[] nt = NtlmCrypto.concat(proof, blob);
    // With a MIC the LM response must be empty-equivalent (Z(24)), MS-NLMP §3.1.5.1.2.
    byte[] lm =
        withMic
            ? new byte[24]
            : NtlmCrypto.lmV2Response(responseKey, serverChallenge, clientChallenge);

    byte[] keyExchangeKey = NtlmCrypto.sessionBaseKeyV2(responseKey, proof);
    byte[] sessionKey = keyExchangeKey;
    byte[] encryptedKey = new byte[0];
    if (NtlmFlags.has(flags, NtlmFlags.KEY_EXCH)) {
      sessionKey = randomBytes(16);
      encryptedKey = NtlmCrypto.rc4(keyExchangeKey, sessionKey);
    }
    AuthenticateMessage message =
        new AuthenticateMessage(
            lm,
            nt,
            domain,
            user,
            workstation,
            encryptedKey,
            flags,
            Optional.of(NtlmVersion.WINDOWS_10),
            withMic ? Optional.of(new byte[AuthenticateMessage.MIC_LENGTH]) : Optional.empty());
    byte[] encoded = NtlmEncoder.encode(message);
    if (withMic) {
      byte[] mic = NtlmCrypto.mic(sessionKey, negotiate, challengeMessage, encoded);
      System.arraycopy(mic, 0, encoded, AuthenticateMessage.MIC_OFFSET, mic.length);
    }
    exportedSessionKey = Optional.of(sessionKey);
    negotiatedFlags = flags;
    return encoded;
  }

  /**
   * The SPNEGO mechListMIC over {@code mechTypesDer} (see {@link Spnego#ntlmOnlyMechTypes()}),
   * signed with the client-to-server key of the handshake just completed.
   *
   * @throws IllegalStateException before {@link #authenticate}
   */
  public byte[] mechListMic(byte[] mechTypesDer) {
    return NtlmSigner.sign(key(), negotiatedFlags, false, 0, mechTypesDer);
  }

  /** Whether the server's mechListMIC in its final NegTokenResp is genuine. */
  public boolean verifyServerMechListMic(byte[] mechTypesDer, byte[] serverMic) {
    return NtlmCrypto.constantTimeEquals(
        NtlmSigner.sign(key(), negotiatedFlags, true, 0, mechTypesDer), serverMic);
  }

  private byte[] key() {
    return exportedSessionKey
        .orElseThrow(() -> new IllegalStateException("authenticate() must come first"))
        .clone();
  }

  private byte[] randomBytes(int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }
}
