package io.lyncemu.core.topology;

/**
 * A mobility policy as Get-CsMobilityPolicy shows it. Omitted settings take Lync's documented
 * defaults: mobility, Call via Work and IP audio/video on, Wi-Fi not required, push notifications
 * on. {@code identity} is {@code Global}, {@code Site:Name} or {@code Tag:Name}.
 */
public record MobilityPolicy(
    String identity,
    Boolean enableMobility,
    Boolean enableOutsideVoice,
    Boolean enableIpAudioVideo,
    Boolean requireWifiForIpAudio,
    Boolean requireWifiForIpVideo,
    Boolean enablePushNotifications) {

  public static final String GLOBAL = "Global";

  public MobilityPolicy {
    identity = canonicalIdentity(identity == null ? GLOBAL : identity);
    enableMobility = enableMobility == null ? Boolean.TRUE : enableMobility;
    enableOutsideVoice = enableOutsideVoice == null ? Boolean.TRUE : enableOutsideVoice;
    enableIpAudioVideo = enableIpAudioVideo == null ? Boolean.TRUE : enableIpAudioVideo;
    requireWifiForIpAudio = requireWifiForIpAudio == null ? Boolean.FALSE : requireWifiForIpAudio;
    requireWifiForIpVideo = requireWifiForIpVideo == null ? Boolean.FALSE : requireWifiForIpVideo;
    enablePushNotifications =
        enablePushNotifications == null ? Boolean.TRUE : enablePushNotifications;
  }

  public static MobilityPolicy defaults(String identity) {
    return new MobilityPolicy(identity, null, null, null, null, null, null);
  }

  /**
   * {@code Global} stays as is; a bare name becomes {@code Tag:Name}, as a per-user policy name
   * passed to Grant-CsMobilityPolicy does.
   */
  public static String canonicalIdentity(String identity) {
    String trimmed = identity.trim();
    if (trimmed.isEmpty() || trimmed.equalsIgnoreCase(GLOBAL)) {
      return trimmed.isEmpty() ? "" : GLOBAL;
    }
    if (trimmed.regionMatches(true, 0, "Tag:", 0, 4)) {
      return "Tag:" + trimmed.substring(4);
    }
    if (trimmed.regionMatches(true, 0, "Site:", 0, 5)) {
      return "Site:" + trimmed.substring(5);
    }
    return "Tag:" + trimmed;
  }

  /** The name without its scope prefix, as Get-CsUser shows a granted policy. */
  public String shortName() {
    int colon = identity.indexOf(':');
    return colon < 0 ? identity : identity.substring(colon + 1);
  }
}
