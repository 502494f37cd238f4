package io.lyncemu.mcx.ucwa;

import java.util.Optional;

/**
 * The UCWA failures the emulator answers with: HTTP status, {@code code} and optional {@code
 * subcode} of the JSON error body. Subcodes are the ones the UCWA "Errors and informational
 * messages" page lists.
 */
public enum UcwaError {
  BAD_REQUEST(400, "BadRequest", null),
  PARAMETER_VALIDATION_FAILURE(400, "BadRequest", "ParameterValidationFailure"),
  DESERIALIZATION_FAILURE(400, "BadRequest", "DeserializationFailure"),
  FORBIDDEN(403, "Forbidden", null),
  MOBILE_APPLICATION_NOT_ALLOWED(403, "Forbidden", "MobileApplicationNoLongerAllowed"),
  APPLICATION_NOT_FOUND(404, "NotFound", "ApplicationNotFound"),
  INACTIVE_APPLICATION_EXPIRED(404, "NotFound", "InactiveApplicationExpired"),
  RESOURCE_NOT_FOUND(404, "NotFound", "ResourceNotFound"),
  METHOD_NOT_ALLOWED(405, "MethodNotAllowed", null),
  ENTITY_TOO_LARGE(413, "EntityTooLarge", null),
  SERVICE_FAILURE(503, "ServiceFailure", null);

  private final int httpStatus;
  private final String code;
  private final String subcode;

  UcwaError(int httpStatus, String code, String subcode) {
    this.httpStatus = httpStatus;
    this.code = code;
    this.subcode = subcode;
  }

  public int httpStatus() {
    return httpStatus;
  }

  public String code() {
    return code;
  }

  public Optional<String> subcode() {
    return Optional.ofNullable(subcode);
  }
}
