package io.lyncemu.mcx.mobility;

/**
 * The error codes of the MCX message set (docs/mcx-protocol.md, "Errors") with the HTTP status each
 * one is answered with.
 */
public enum McxError {
  BAD_REQUEST("BadRequest", 400, 52000),
  MOBILITY_DISABLED("MobilityDisabled", 403, 52001),
  USER_DISABLED("UserDisabled", 403, 52002),
  SESSION_NOT_FOUND("SessionNotFound", 404, 52003),
  SESSION_EXPIRED("SessionExpired", 410, 52004),
  UNKNOWN_RECIPIENT("UnknownRecipient", 404, 52005),
  RECIPIENT_OFFLINE("RecipientOffline", 480, 52006),
  SERVICE_UNAVAILABLE("ServiceUnavailable", 503, 52007),
  FEDERATION_REFUSED("FederationRefused", 403, 52008);

  private final String code;
  private final int httpStatus;
  private final int diagnosticId;

  McxError(String code, int httpStatus, int diagnosticId) {
    this.code = code;
    this.httpStatus = httpStatus;
    this.diagnosticId = diagnosticId;
  }

  /**
   * The error id of the {@code X-Ms-diagnostics} header. Emulator-chosen (52000 + n): the real
   * Mobility Service ids are not public.
   */
  public int diagnosticId() {
    return diagnosticId;
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
