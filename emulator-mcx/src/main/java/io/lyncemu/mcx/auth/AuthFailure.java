package io.lyncemu.mcx.auth;

/**
 * Why an authentication attempt failed, with the Windows status code a real server would report.
 * The HTTP layer copies {@link #statusName()} and {@link #status()} into {@code X-Ms-diagnostics}
 * headers and the event journal. Immutable.
 */
public enum AuthFailure {
  /** Bad base64, bad DER, bad NTLMSSP layout: anything that cannot be decoded safely. */
  MALFORMED_TOKEN(0xC000000D, "STATUS_INVALID_PARAMETER", "The authentication token is malformed"),
  /**
   * A valid message at the wrong point of the handshake, e.g. an AUTHENTICATE with no NEGOTIATE.
   */
  UNEXPECTED_MESSAGE(
      0x80090310, "SEC_E_OUT_OF_SEQUENCE", "The message was received out of sequence"),
  /** The client offered no mechanism the server supports (e.g. SPNEGO listing only Kerberos). */
  UNSUPPORTED_MECHANISM(
      0x80090305, "SEC_E_SECPKG_NOT_FOUND", "The requested security package is not supported"),
  /** Anonymous NTLM logon; IIS sites with anonymous access disabled refuse it (401.2). */
  ANONYMOUS(0xC0000022, "STATUS_ACCESS_DENIED", "Anonymous logon is not allowed"),
  /** No such user. Same status as a wrong password so that user names cannot be probed. */
  UNKNOWN_USER(0xC000006D, "STATUS_LOGON_FAILURE", "Unknown user name or bad password"),
  /** The NT response does not match the user's password. */
  WRONG_PASSWORD(0xC000006D, "STATUS_LOGON_FAILURE", "Unknown user name or bad password"),
  /** The AUTHENTICATE message integrity code does not match: the handshake was tampered with. */
  MIC_MISMATCH(0x8009030F, "SEC_E_MESSAGE_ALTERED", "The message integrity check failed");

  private final int status;
  private final String statusName;
  private final String text;

  AuthFailure(int status, String statusName, String text) {
    this.status = status;
    this.statusName = statusName;
    this.text = text;
  }

  /** The NTSTATUS or SSPI status as a 32-bit value, e.g. {@code 0xC000006D}. */
  public int status() {
    return status;
  }

  /** The status formatted the way Windows prints it, e.g. {@code 0xC000006D}. */
  public String statusHex() {
    return String.format("0x%08X", status);
  }

  /** The symbolic Windows name of the status, e.g. {@code STATUS_LOGON_FAILURE}. */
  public String statusName() {
    return statusName;
  }

  /** A short human-readable reason, as Windows words it. */
  public String text() {
    return text;
  }
}
