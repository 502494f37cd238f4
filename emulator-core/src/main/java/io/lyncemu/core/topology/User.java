package io.lyncemu.core.topology;

import io.lyncemu.core.federation.ExternalAccessPolicy;
import java.util.Objects;

/**
 * A Lync-enabled user. {@code mobilityPolicy} names a per-user policy ({@code Tag:Name} or just the
 * name), or is empty when the global policy applies. The password is the one the emulated directory
 * verifies NTLM and UsernameToken logons against.
 */
public record User(
    String displayName,
    String samAccountName,
    String sipAddress,
    String password,
    Boolean enabled,
    String mobilityPolicy,
    String registrarPool,
    String externalAccessPolicy) {

  public User {
    sipAddress = Fqdns.sipUri(sipAddress);
    if (samAccountName == null || samAccountName.isBlank()) {
      throw new IllegalArgumentException("sam-account-name is required for " + sipAddress);
    }
    if (samAccountName.contains("\\")) {
      samAccountName = samAccountName.substring(samAccountName.indexOf('\\') + 1);
    }
    displayName = displayName == null ? samAccountName : displayName;
    password = Objects.requireNonNullElse(password, "");
    enabled = enabled == null ? Boolean.TRUE : enabled;
    mobilityPolicy = mobilityPolicy == null ? "" : MobilityPolicy.canonicalIdentity(mobilityPolicy);
    registrarPool = registrarPool == null ? "" : registrarPool.toLowerCase(java.util.Locale.ROOT);
    externalAccessPolicy =
        externalAccessPolicy == null || externalAccessPolicy.isBlank()
            ? ""
            : ExternalAccessPolicy.canonicalIdentity(externalAccessPolicy);
  }

  public boolean isEnabled() {
    return enabled;
  }

  public User withEnabled(boolean value) {
    return new User(
        displayName,
        samAccountName,
        sipAddress,
        password,
        value,
        mobilityPolicy,
        registrarPool,
        externalAccessPolicy);
  }

  public User withPassword(String value) {
    return new User(
        displayName,
        samAccountName,
        sipAddress,
        value,
        enabled,
        mobilityPolicy,
        registrarPool,
        externalAccessPolicy);
  }

  public User withMobilityPolicy(String identity) {
    return new User(
        displayName,
        samAccountName,
        sipAddress,
        password,
        enabled,
        identity,
        registrarPool,
        externalAccessPolicy);
  }

  public User withDisplayName(String value) {
    return new User(
        value,
        samAccountName,
        sipAddress,
        password,
        enabled,
        mobilityPolicy,
        registrarPool,
        externalAccessPolicy);
  }

  /** A granted external access policy ({@code Tag:Name}); blank grants the global one. */
  public User withExternalAccessPolicy(String identity) {
    return new User(
        displayName,
        samAccountName,
        sipAddress,
        password,
        enabled,
        mobilityPolicy,
        registrarPool,
        identity);
  }
}
