package io.lyncemu.core.topology;

import java.time.Duration;

/**
 * The Mobility Service configuration (Get-CsMcxConfiguration). Defaults from the
 * Set-CsMcxConfiguration help: sessions expire after 259200 s (72 h) for push-capable devices and
 * 3600 s for the others; the allowed range is 120 to 4294967295 s.
 */
public record McxConfiguration(
    String identity,
    Long sessionExpirationInterval,
    Long sessionShortExpirationInterval,
    String pushNotificationProxyUri,
    String exposedWebUrl) {

  public static final McxConfiguration DEFAULT = new McxConfiguration(null, null, null, null, null);
  static final long MIN_INTERVAL = 120;
  static final long MAX_INTERVAL = 4_294_967_295L;

  public McxConfiguration {
    identity = identity == null ? "Global" : identity;
    sessionExpirationInterval =
        checkInterval(sessionExpirationInterval, 259_200L, "SessionExpirationInterval");
    sessionShortExpirationInterval =
        checkInterval(sessionShortExpirationInterval, 3_600L, "SessionShortExpirationInterval");
    pushNotificationProxyUri =
        pushNotificationProxyUri == null ? "sip:push@push.lync.com" : pushNotificationProxyUri;
    exposedWebUrl = exposedWebUrl == null ? "External" : exposedWebUrl;
  }

  private static long checkInterval(Long value, long fallback, String name) {
    long seconds = value == null ? fallback : value;
    if (seconds < MIN_INTERVAL || seconds > MAX_INTERVAL) {
      throw new IllegalArgumentException(
          name
              + " must be between "
              + MIN_INTERVAL
              + " and "
              + MAX_INTERVAL
              + " seconds, not "
              + seconds);
    }
    return seconds;
  }

  public Duration sessionExpiration() {
    return Duration.ofSeconds(sessionExpirationInterval);
  }

  public Duration sessionShortExpiration() {
    return Duration.ofSeconds(sessionShortExpirationInterval);
  }

  public McxConfiguration withSessionExpirationInterval(long seconds) {
    return new McxConfiguration(
        identity, seconds, sessionShortExpirationInterval, pushNotificationProxyUri, exposedWebUrl);
  }

  public McxConfiguration withSessionShortExpirationInterval(long seconds) {
    return new McxConfiguration(
        identity, sessionExpirationInterval, seconds, pushNotificationProxyUri, exposedWebUrl);
  }

  public McxConfiguration withPushNotificationProxyUri(String uri) {
    return new McxConfiguration(
        identity, sessionExpirationInterval, sessionShortExpirationInterval, uri, exposedWebUrl);
  }

  public McxConfiguration withExposedWebUrl(String value) {
    return new McxConfiguration(
        identity,
        sessionExpirationInterval,
        sessionShortExpirationInterval,
        pushNotificationProxyUri,
        value);
  }
}
