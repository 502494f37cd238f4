package io.lyncemu.app.cli;

import io.lyncemu.core.EmulatorException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * The command line's client of a running emulator's admin API (JDK HttpClient). One instance per
 * invocation; thread-safe.
 */
final class AdminClient {
  /** Synthetic transactions may take a while against a slow or faulted emulator. */
  private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(5);

  private final URI base;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

  AdminClient(String baseUrl) {
    Objects.requireNonNull(baseUrl, "baseUrl");
    String trimmed = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    try {
      this.base = URI.create(trimmed);
    } catch (IllegalArgumentException e) {
      throw new UnreachableException(
          "'" + baseUrl + "' is not a URL; give e.g. http://127.0.0.1:8090");
    }
    if (base.getScheme() == null || base.getHost() == null) {
      throw new UnreachableException(
          "'" + baseUrl + "' is not a URL; give e.g. http://127.0.0.1:8090");
    }
  }

  String baseUrl() {
    return base.toString();
  }

  /** Status and body of {@code POST path} with a JSON body. */
  Answer postJson(String path, String json) {
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(REQUEST_TIMEOUT)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
            .build());
  }

  private Answer send(HttpRequest request) {
    try {
      HttpResponse<String> response =
          http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answer(response.statusCode(), response.body());
    } catch (ConnectException | HttpTimeoutException e) {
      throw unreachable();
    } catch (IOException e) {
      if (e.getCause() instanceof ConnectException) {
        throw unreachable();
      }
      throw new UnreachableException(
          "the emulator at " + base + " broke off the request (" + e + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UnreachableException("interrupted while waiting for " + base);
    }
  }

  private UnreachableException unreachable() {
    return new UnreachableException(
        "no emulator answers at " + base + "; start one with ./lyncemu run");
  }

  record Answer(int status, String body) {}

  /** The admin API could not be reached; the message says how to fix that. */
  static final class UnreachableException extends EmulatorException {
    private static final long serialVersionUID = 1L;

    UnreachableException(String message) {
      super(message);
    }
  }
}
