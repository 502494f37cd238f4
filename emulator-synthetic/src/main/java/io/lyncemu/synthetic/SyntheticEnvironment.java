package io.lyncemu.synthetic;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * What a synthetic transaction needs from where it runs: whom to trust for TLS, where host names
 * point, a clock for the reported latency, and how long one request may take when the command line
 * does not say ({@code -Timeout}).
 *
 * @param trust TLS trust for every HTTPS connection (the emulator's CA for the emulator; {@code
 *     SSLContext.getDefault()} for a real pool)
 * @param hosts host name to address and port
 * @param clock measures the Latency property
 * @param defaultTimeout per-request timeout; positive
 */
public record SyntheticEnvironment(
    SSLContext trust, HostResolver hosts, Clock clock, Duration defaultTimeout) {
  /** Lync's synthetic transactions give each request 30 seconds unless told otherwise. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  public SyntheticEnvironment {
    Objects.requireNonNull(trust, "trust");
    Objects.requireNonNull(hosts, "hosts");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(defaultTimeout, "defaultTimeout");
    if (defaultTimeout.isZero() || defaultTimeout.isNegative()) {
      throw new IllegalArgumentException("defaultTimeout must be positive: " + defaultTimeout);
    }
  }
}
