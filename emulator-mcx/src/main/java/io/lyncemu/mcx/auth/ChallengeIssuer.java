package io.lyncemu.mcx.auth;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Builds the CHALLENGE an IIS 8.5 on Windows Server 2012 R2 would send: the flags of common
 * captures, the NetBIOS domain as TargetName, AV pairs 1 to 5 and MsvAvTimestamp (which makes
 * modern clients add a MIC), and a Version. Not thread-safe if the random generator is not.
 */
final class ChallengeIssuer {
  /** 56 | 128 | VERSION | TARGET_INFO | ESS | TARGET_TYPE_DOMAIN | ALWAYS_SIGN | NTLM | ... */
  static final int BASE_FLAGS = 0xA2898205;

  /** Flags a server grants only if the client asked for them. */
  private static final int ECHOED =
      NtlmFlags.SIGN
          | NtlmFlags.SEAL
          | NtlmFlags.KEY_EXCH
          | NtlmFlags.NEGOTIATE_56
          | NtlmFlags.NEGOTIATE_128;

  private final NtlmServerIdentity identity;
  private final RandomGenerator random;
  private final Clock clock;

  ChallengeIssuer(NtlmServerIdentity identity, RandomGenerator random, Clock clock) {
    this.identity = Objects.requireNonNull(identity, "identity");
    this.random = Objects.requireNonNull(random, "random");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  ChallengeMessage issue(NegotiateMessage negotiate) {
    int requested = negotiate.flags();
    int flags = BASE_FLAGS | (requested & ECHOED);
    if (!NtlmFlags.has(requested, NtlmFlags.UNICODE) && NtlmFlags.has(requested, NtlmFlags.OEM)) {
      // A client that cannot do Unicode gets OEM strings, as MS-NLMP §3.2.5.1.1 requires.
      flags = (flags & ~NtlmFlags.UNICODE) | NtlmFlags.OEM;
    }
    byte[] serverChallenge = new byte[8];
    random.nextBytes(serverChallenge);
    // Ascending AvId order, as PROTOCOLS.md 7.4 lists it (some Windows builds put 2 before 1).
    TargetInfo targetInfo =
        new TargetInfo(
            List.of(
                AvPair.ofString(AvPair.NB_COMPUTER_NAME, identity.netbiosComputerName()),
                AvPair.ofString(AvPair.NB_DOMAIN_NAME, identity.netbiosDomainName()),
                AvPair.ofString(AvPair.DNS_COMPUTER_NAME, identity.dnsComputerName()),
                AvPair.ofString(AvPair.DNS_DOMAIN_NAME, identity.dnsDomainName()),
                AvPair.ofString(AvPair.DNS_TREE_NAME, identity.dnsTreeName()),
                new AvPair(AvPair.TIMESTAMP, FileTime.encode(FileTime.of(clock.instant())))));
    return new ChallengeMessage(
        flags,
        identity.netbiosDomainName(),
        serverChallenge,
        targetInfo,
        Optional.of(NtlmVersion.WINDOWS_SERVER_2012_R2));
  }
}
