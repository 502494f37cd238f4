package io.lyncemu.mcx;

import java.time.Duration;
import java.util.Objects;

/**
 * Where and how the web services listen. Port 0 means any free port (read back through {@link
 * McxServer#endpoints()}); production defaults (4443, 8080) are set by the app.
 */
public record McxConfig(
    String bindHost, int httpsPort, int httpPort, int maxRequestBytes, Duration stopTimeout) {
  public static final int DEFAULT_MAX_REQUEST_BYTES = 1024 * 1024;

  public McxConfig {
    Objects.requireNonNull(bindHost, "bindHost");
    if (httpsPort < 0 || httpsPort > 65535 || httpPort < 0 || httpPort > 65535) {
      throw new IllegalArgumentException("ports must be 0..65535");
    }
    maxRequestBytes = maxRequestBytes <= 0 ? DEFAULT_MAX_REQUEST_BYTES : maxRequestBytes;
    stopTimeout = stopTimeout == null ? Duration.ofSeconds(5) : stopTimeout;
  }

  /** Loopback, any free ports: the test default. */
  public static McxConfig ephemeral() {
    return new McxConfig("127.0.0.1", 0, 0, DEFAULT_MAX_REQUEST_BYTES, Duration.ofSeconds(5));
  }
}
