package io.lyncemu.mcx;

import java.time.Duration;
import java.util.Objects;

/**
 * Where and how the web services listen. Port 0 means any free port (read back through {@link
 * McxServer#endpoints()}); production defaults (4443, 8080) are set by the app.
 *
 * @param idleTimeout how long a connection may sit without I/O before it is closed (IIS's
 *     connectionTimeout, 120 s by default); it is what frees a connection from a client that stalls
 *     mid-request. Held long polls are exempt while they wait.
 */
public record McxConfig(
    String bindHost,
    int httpsPort,
    int httpPort,
    int maxRequestBytes,
    Duration stopTimeout,
    Duration idleTimeout) {
  public static final int DEFAULT_MAX_REQUEST_BYTES = 1024 * 1024;
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(120);

  public McxConfig {
    Objects.requireNonNull(bindHost, "bindHost");
    if (httpsPort < 0 || httpsPort > 65535 || httpPort < 0 || httpPort > 65535) {
      throw new IllegalArgumentException("ports must be 0..65535");
    }
    maxRequestBytes = maxRequestBytes <= 0 ? DEFAULT_MAX_REQUEST_BYTES : maxRequestBytes;
    stopTimeout = stopTimeout == null ? Duration.ofSeconds(5) : stopTimeout;
    idleTimeout = idleTimeout == null ? DEFAULT_IDLE_TIMEOUT : idleTimeout;
  }

  /** Loopback, any free ports: the test default. */
  public static McxConfig ephemeral() {
    return new McxConfig(
        "127.0.0.1", 0, 0, DEFAULT_MAX_REQUEST_BYTES, Duration.ofSeconds(5), DEFAULT_IDLE_TIMEOUT);
  }

  public McxConfig withIdleTimeout(Duration value) {
    return new McxConfig(bindHost, httpsPort, httpPort, maxRequestBytes, stopTimeout, value);
  }
}
