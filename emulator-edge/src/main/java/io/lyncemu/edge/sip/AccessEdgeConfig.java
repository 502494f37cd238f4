package io.lyncemu.edge.sip;

import java.time.Duration;
import java.util.Objects;

/**
 * Where the Access Edge listens and how long it waits for a partner.
 *
 * @param bindHost the address both listeners bind
 * @param tlsPort the MTLS listener (Lync: 5061); 0 for an ephemeral port
 * @param tcpPort the emulator-only plain TCP listener (for SIPp, which Debian builds without TLS);
 *     0 for an ephemeral port, -1 for none
 * @param outboundTimeout how long a request to a partner may take before the Edge answers 504
 * @param maxMessageBytes larger messages are refused and their connection closed
 */
public record AccessEdgeConfig(
    String bindHost, int tlsPort, int tcpPort, Duration outboundTimeout, int maxMessageBytes) {
  public static final int TLS_PORT = 5061;
  public static final int TCP_PORT = 5060;
  public static final Duration DEFAULT_OUTBOUND_TIMEOUT = Duration.ofSeconds(10);
  public static final int DEFAULT_MAX_MESSAGE_BYTES = 64 * 1024;

  public AccessEdgeConfig {
    Objects.requireNonNull(bindHost, "bindHost");
    Objects.requireNonNull(outboundTimeout, "outboundTimeout");
    if (tlsPort < 0 || tlsPort > 65_535 || tcpPort < -1 || tcpPort > 65_535) {
      throw new IllegalArgumentException("bad Access Edge ports " + tlsPort + "/" + tcpPort);
    }
  }

  /** Ephemeral ports on loopback, for tests. */
  public static AccessEdgeConfig ephemeral() {
    return new AccessEdgeConfig(
        "127.0.0.1", 0, 0, DEFAULT_OUTBOUND_TIMEOUT, DEFAULT_MAX_MESSAGE_BYTES);
  }

  public AccessEdgeConfig withOutboundTimeout(Duration value) {
    return new AccessEdgeConfig(bindHost, tlsPort, tcpPort, value, maxMessageBytes);
  }
}
