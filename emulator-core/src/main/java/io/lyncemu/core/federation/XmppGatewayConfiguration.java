package io.lyncemu.core.federation;

import java.time.Duration;

/**
 * Get-/Set-CsXmppGatewayConfiguration (global only). Defaults from the help. A blank
 * DialbackPassphrase means the Edge uses a secret of its own, generated when it starts.
 */
public record XmppGatewayConfiguration(
    String identity,
    Integer connectionLimit,
    String dialbackPassphrase,
    Boolean enableLoggingAllMessageBodies,
    Integer keepAliveInterval,
    Integer partnerConnectionLimit,
    Integer streamEstablishmentTimeout,
    Integer streamInactivityTimeout,
    Integer subscriptionRefreshInterval) {

  public static final XmppGatewayConfiguration DEFAULT =
      new XmppGatewayConfiguration(null, null, null, null, null, null, null, null, null);

  public XmppGatewayConfiguration {
    identity = identity == null ? "Global" : identity;
    connectionLimit = positive(connectionLimit, 1000, "ConnectionLimit");
    dialbackPassphrase = dialbackPassphrase == null ? "" : dialbackPassphrase;
    enableLoggingAllMessageBodies =
        enableLoggingAllMessageBodies != null && enableLoggingAllMessageBodies;
    keepAliveInterval = positive(keepAliveInterval, 300, "KeepAliveInterval");
    partnerConnectionLimit = positive(partnerConnectionLimit, 20, "PartnerConnectionLimit");
    streamEstablishmentTimeout =
        positive(streamEstablishmentTimeout, 60, "StreamEstablishmentTimeout");
    streamInactivityTimeout = positive(streamInactivityTimeout, 600, "StreamInactivityTimeout");
    subscriptionRefreshInterval =
        positive(subscriptionRefreshInterval, 28_800, "SubscriptionRefreshInterval");
  }

  private static int positive(Integer value, int fallback, String name) {
    int v = value == null ? fallback : value;
    if (v < 1) {
      throw new IllegalArgumentException(name + " must be a positive number, not " + v);
    }
    return v;
  }

  public Duration streamEstablishment() {
    return Duration.ofSeconds(streamEstablishmentTimeout);
  }

  public Duration streamInactivity() {
    return Duration.ofSeconds(streamInactivityTimeout);
  }

  public Duration keepAlive() {
    return Duration.ofSeconds(keepAliveInterval);
  }
}
