package io.lyncemu.app.admin;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** One admin API response: status, content type and the complete body. Immutable. */
public record AdminResponse(int status, String contentType, byte[] body) {
  public static final String JSON = "application/json; charset=utf-8";

  public AdminResponse {
    Objects.requireNonNull(contentType, "contentType");
    body = body.clone();
  }

  public static AdminResponse text(int status, String contentType, String text) {
    return new AdminResponse(status, contentType, text.getBytes(StandardCharsets.UTF_8));
  }

  public static AdminResponse noContent() {
    return new AdminResponse(204, JSON, new byte[0]);
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
