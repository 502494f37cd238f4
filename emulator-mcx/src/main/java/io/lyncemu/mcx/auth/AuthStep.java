package io.lyncemu.mcx.auth;

import java.util.Objects;
import java.util.Optional;

/**
 * What the HTTP layer must do after one leg of an NTLM or Negotiate handshake. Immutable values.
 */
public sealed interface AuthStep {

  /**
   * A 401 leg: answer with {@code WWW-Authenticate: <headerValue>}, e.g. {@code NTLM
   * TlRMTVNTUAACAAAA...} or {@code Negotiate oYIB...}, using the scheme name the client used and
   * SPNEGO framing if the client used SPNEGO.
   */
  record Challenge(String headerValue) implements AuthStep {
    public Challenge {
      Objects.requireNonNull(headerValue, "headerValue");
    }
  }

  /**
   * The client proved its identity. For SPNEGO, {@code finalHeaderValue} is a {@code Negotiate
   * <accept-completed NegTokenResp>} to send on the success response; it is empty for raw NTLM.
   */
  record Authenticated(
      String domain, String user, String workstation, Optional<String> finalHeaderValue)
      implements AuthStep {
    public Authenticated {
      Objects.requireNonNull(domain, "domain");
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(workstation, "workstation");
      Objects.requireNonNull(finalHeaderValue, "finalHeaderValue");
    }
  }

  /** The attempt failed: answer with a fresh IIS 401 carrying bare scheme names (no token). */
  record Rejected(AuthFailure failure, String detail) implements AuthStep {
    public Rejected {
      Objects.requireNonNull(failure, "failure");
      Objects.requireNonNull(detail, "detail");
    }
  }
}
