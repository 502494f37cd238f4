package io.lyncemu.core.journal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP request and the response the emulator sent, as HAR needs it. Bodies are kept as text and
 * truncated by the recorder to a bound, so a 10 MB upload cannot blow up the journal.
 *
 * @param requestHeaders header name/value pairs in wire order (names may repeat)
 * @param responseHeaders header name/value pairs in wire order (names may repeat)
 */
public record HttpExchange(
    String method,
    String url,
    String httpVersion,
    List<Map.Entry<String, String>> requestHeaders,
    String requestBody,
    int status,
    String statusText,
    List<Map.Entry<String, String>> responseHeaders,
    String responseContentType,
    String responseBody,
    long responseSize,
    Duration elapsed) {

  public HttpExchange {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(url, "url");
    httpVersion = httpVersion == null ? "HTTP/1.1" : httpVersion;
    requestHeaders = List.copyOf(requestHeaders);
    requestBody = requestBody == null ? "" : requestBody;
    statusText = statusText == null ? "" : statusText;
    responseHeaders = List.copyOf(responseHeaders);
    responseContentType = responseContentType == null ? "" : responseContentType;
    responseBody = responseBody == null ? "" : responseBody;
    elapsed = elapsed == null ? Duration.ZERO : elapsed;
  }

  /** The first value of a response header, compared case-insensitively, or an empty string. */
  public String responseHeader(String name) {
    return responseHeaders.stream()
        .filter(h -> h.getKey().equalsIgnoreCase(name))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse("");
  }
}
