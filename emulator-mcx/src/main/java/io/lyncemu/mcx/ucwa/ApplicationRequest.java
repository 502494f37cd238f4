package io.lyncemu.mcx.ucwa;

import java.util.Objects;

/** The body of {@code POST /ucwa/oauth/v1/applications}: {@code UserAgent, EndpointId, Culture}. */
public record ApplicationRequest(String userAgent, String endpointId, String culture) {
  public ApplicationRequest {
    Objects.requireNonNull(userAgent, "userAgent");
    Objects.requireNonNull(endpointId, "endpointId");
    culture = culture == null || culture.isBlank() ? "en-US" : culture;
  }
}
