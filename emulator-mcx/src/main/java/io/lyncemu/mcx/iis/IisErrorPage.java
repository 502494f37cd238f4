package io.lyncemu.mcx.iis;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A rendered IIS error response body. Immutable.
 *
 * @param status the HTTP status to send
 * @param html the page
 */
public record IisErrorPage(int status, String html) {
  public static final String CONTENT_TYPE = "text/html; charset=utf-8";

  public IisErrorPage {
    Objects.requireNonNull(html, "html");
  }

  /** The body as UTF-8; its length is the Content-Length. */
  public byte[] body() {
    return html.getBytes(StandardCharsets.UTF_8);
  }

  public String contentType() {
    return CONTENT_TYPE;
  }
}
