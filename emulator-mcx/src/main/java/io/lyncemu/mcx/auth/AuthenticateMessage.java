package io.lyncemu.mcx.auth;

import java.util.Objects;
import java.util.Optional;

/**
 * AUTHENTICATE_MESSAGE, type 3 (MS-NLMP §2.2.1.3). Byte arrays are copied in and out, so the record
 * is immutable; {@code equals} compares them by identity, as records do for arrays. The MIC is
 * present only if the message reserved room for it (see {@link NtlmParser}).
 */
public record AuthenticateMessage(
    byte[] lmChallengeResponse,
    byte[] ntChallengeResponse,
    String domain,
    String user,
    String workstation,
    byte[] encryptedRandomSessionKey,
    int flags,
    Optional<NtlmVersion> version,
    Optional<byte[]> mic) {

  /** Where the MIC sits in an encoded message that has one. */
  public static final int MIC_OFFSET = 72;

  public static final int MIC_LENGTH = 16;

  public AuthenticateMessage {
    lmChallengeResponse = Objects.requireNonNull(lmChallengeResponse, "lm").clone();
    ntChallengeResponse = Objects.requireNonNull(ntChallengeResponse, "nt").clone();
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(workstation, "workstation");
    encryptedRandomSessionKey = Objects.requireNonNull(encryptedRandomSessionKey, "key").clone();
    Objects.requireNonNull(version, "version");
    mic = Objects.requireNonNull(mic, "mic").map(byte[]::clone);
    if (mic.isPresent() && mic.get().length != MIC_LENGTH) {
      throw new IllegalArgumentException("MIC must be 16 bytes");
    }
  }

  @Override
  public byte[] lmChallengeResponse() {
    return lmChallengeResponse.clone();
  }

  @Override
  public byte[] ntChallengeResponse() {
    return ntChallengeResponse.clone();
  }

  @Override
  public byte[] encryptedRandomSessionKey() {
    return encryptedRandomSessionKey.clone();
  }

  @Override
  public Optional<byte[]> mic() {
    return mic.map(byte[]::clone);
  }
}
