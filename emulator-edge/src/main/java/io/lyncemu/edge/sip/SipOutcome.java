package io.lyncemu.edge.sip;

import java.util.Objects;

/**
 * The final answer to a request the Edge sent for the inside: the partner's response, or the Edge's
 * own refusal (403) or failure (504).
 *
 * @param status the SIP status code
 * @param reasonPhrase e.g. {@code Server time-out}
 * @param msDiagnostics the {@code ms-diagnostics} header value, or blank when there was none
 */
public record SipOutcome(int status, String reasonPhrase, String msDiagnostics) {
  public SipOutcome {
    Objects.requireNonNull(reasonPhrase, "reasonPhrase");
    msDiagnostics = msDiagnostics == null ? "" : msDiagnostics;
  }

  public boolean success() {
    return status >= 200 && status < 300;
  }

  /** {@code 504 Server time-out}, plus the diagnostics when there are any. */
  public String describe() {
    return status
        + " "
        + reasonPhrase
        + (msDiagnostics.isBlank() ? "" : " (" + msDiagnostics + ")");
  }
}
