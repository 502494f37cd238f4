package io.lyncemu.mcx.auth;

import io.lyncemu.core.EmulatorException;

/**
 * A token could not be decoded: bad NTLMSSP layout, bad SPNEGO DER or bad base64. The server
 * handshake turns it into {@link AuthFailure#MALFORMED_TOKEN}; client-side helpers throw it.
 */
public final class NtlmFormatException extends EmulatorException {
  private static final long serialVersionUID = 1L;

  public NtlmFormatException(String message) {
    super(message);
  }

  public NtlmFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
