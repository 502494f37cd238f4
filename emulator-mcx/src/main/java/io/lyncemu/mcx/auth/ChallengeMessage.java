package io.lyncemu.mcx.auth;

import java.util.Objects;
import java.util.Optional;

/**
 * CHALLENGE_MESSAGE, type 2 (MS-NLMP §2.2.1.2). The server challenge is copied in and out, so the
 * record is immutable; {@code equals} compares it by identity, as records do for arrays.
 */
public record ChallengeMessage(
    int flags,
    String targetName,
    byte[] serverChallenge,
    TargetInfo targetInfo,
    Optional<NtlmVersion> version) {
  public ChallengeMessage {
    Objects.requireNonNull(targetName, "targetName");
    Objects.requireNonNull(serverChallenge, "serverChallenge");
    Objects.requireNonNull(targetInfo, "targetInfo");
    Objects.requireNonNull(version, "version");
    if (serverChallenge.length != 8) {
      throw new IllegalArgumentException("ServerChallenge must be 8 bytes");
    }
    serverChallenge = serverChallenge.clone();
  }

  @Override
  public byte[] serverChallenge() {
    return serverChallenge.clone();
  }
}
