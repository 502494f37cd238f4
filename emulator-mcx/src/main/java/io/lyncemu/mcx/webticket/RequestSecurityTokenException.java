package io.lyncemu.mcx.webticket;

import io.lyncemu.core.EmulatorException;
import java.util.Objects;

/**
 * A well-formed XML body that is not a usable WS-Trust RST. The handler answers it with {@link
 * SoapFaults#malformedRequest(String)}; the message names the missing or bad part and is safe to
 * echo.
 */
public final class RequestSecurityTokenException extends EmulatorException {
  private static final long serialVersionUID = 1L;

  /** What was wrong with the request. */
  public enum Reason {
    /** The root element is not a SOAP 1.1 or 1.2 Envelope. */
    NOT_SOAP_ENVELOPE,
    /** The envelope has no Body. */
    MISSING_BODY,
    /** The Body holds no {@code wst:RequestSecurityToken}. */
    MISSING_REQUEST_SECURITY_TOKEN,
    /** A recognised element holds a value that cannot be decoded (base64, dateTime, …). */
    INVALID_VALUE
  }

  private final Reason reason;

  RequestSecurityTokenException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public Reason reason() {
    return reason;
  }
}
