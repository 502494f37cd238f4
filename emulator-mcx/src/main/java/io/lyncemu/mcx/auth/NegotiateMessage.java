package io.lyncemu.mcx.auth;

import java.util.Objects;
import java.util.Optional;

/**
 * NEGOTIATE_MESSAGE, type 1 (MS-NLMP §2.2.1.1). Domain and workstation are OEM strings and are
 * usually empty. Immutable.
 */
public record NegotiateMessage(
    int flags, String domain, String workstation, Optional<NtlmVersion> version) {
  public NegotiateMessage {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(workstation, "workstation");
    Objects.requireNonNull(version, "version");
  }
}
