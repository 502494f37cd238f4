package io.lyncemu.core.federation;

/**
 * An external access policy (New-/Set-/Grant-CsExternalAccessPolicy). In Lync Server 2013 every
 * Enable* flag of the global policy is False until an administrator turns it on; a user without a
 * granted policy gets the global one.
 */
public record ExternalAccessPolicy(
    String identity,
    String description,
    Boolean enableFederationAccess,
    Boolean enableXmppAccess,
    Boolean enablePublicCloudAccess,
    Boolean enablePublicCloudAudioVideoAccess,
    Boolean enableOutsideAccess) {

  public static final String GLOBAL = "Global";

  public ExternalAccessPolicy {
    identity = canonicalIdentity(identity);
    description = description == null ? "" : description;
    enableFederationAccess = enableFederationAccess != null && enableFederationAccess;
    enableXmppAccess = enableXmppAccess != null && enableXmppAccess;
    enablePublicCloudAccess = enablePublicCloudAccess != null && enablePublicCloudAccess;
    enablePublicCloudAudioVideoAccess =
        enablePublicCloudAudioVideoAccess != null && enablePublicCloudAudioVideoAccess;
    enableOutsideAccess = enableOutsideAccess != null && enableOutsideAccess;
  }

  public static ExternalAccessPolicy defaults(String identity) {
    return new ExternalAccessPolicy(identity, null, null, null, null, null, null);
  }

  /**
   * {@code Global} and {@code site:X} stay as they are; anything else is a per-user policy, shown
   * as {@code Tag:Name} the way Get-CsExternalAccessPolicy prints it.
   */
  public static String canonicalIdentity(String identity) {
    if (identity == null || identity.isBlank() || identity.equalsIgnoreCase(GLOBAL)) {
      return GLOBAL;
    }
    String id = identity.trim();
    if (id.regionMatches(true, 0, "site:", 0, 5)) {
      return "Site:" + id.substring(5);
    }
    if (id.regionMatches(true, 0, "tag:", 0, 4)) {
      return "Tag:" + id.substring(4);
    }
    return "Tag:" + id;
  }

  /** Applies the switches that are non-null. */
  public ExternalAccessPolicy with(
      String newDescription,
      Boolean federation,
      Boolean xmpp,
      Boolean publicCloud,
      Boolean publicCloudAv,
      Boolean outside) {
    return new ExternalAccessPolicy(
        identity,
        newDescription == null ? description : newDescription,
        federation == null ? enableFederationAccess : federation,
        xmpp == null ? enableXmppAccess : xmpp,
        publicCloud == null ? enablePublicCloudAccess : publicCloud,
        publicCloudAv == null ? enablePublicCloudAudioVideoAccess : publicCloudAv,
        outside == null ? enableOutsideAccess : outside);
  }
}
