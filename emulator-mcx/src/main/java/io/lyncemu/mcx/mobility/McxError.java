package io.lyncemu.mcx.mobility;

/**
 * The error codes of the MCX message set (docs/mcx-protocol.md, "Errors") with the HTTP status each
 * one is answered with.
 */
public enum McxError {
  BAD_REQUEST("BadRequest", 400),
  MOBILITY_DISABLED("MobilityDisabled", 403),
  USER_DISABLED("UserDisabled", 403),
  SESSION_NOT_FOUND("SessionNotFound", 404),
  SESSION_EXPIRED("SessionExpired", 410),
  UNKNOWN_RECIPIENT("UnknownRecipient", 404),
  RECIPIENT_OFFLINE("RecipientOffline", 480),
  SERVICE_UNAVAILABLE("ServiceUnavailable", 503);

  private final String code;
  private final int httpStatus;

  McxError(String code, int httpStatus) {
    this.code = code;
    this.httpStatus = httpStatus;
  }

  /** The {@code code} attribute of the {@code error} element. */
  public String code() {
    return code;
  }

  public int httpStatus() {
    return httpStatus;
  }

  /**
   * Whether the answer also carries an {@code X-Ms-diagnostics} header: the doc asks for it on
   * refusals, i.e. everything except a malformed request.
   */
  public boolean isRefusal() {
    return this != BAD_REQUEST;
  }
}
