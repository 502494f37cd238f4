package io.lyncemu.core.topology;

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
    String registrarPool) {

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
  }

  public boolean isEnabled() {
    return enabled;
  }

  public User withEnabled(boolean value) {
    return new User(
        displayName, samAccountName, sipAddress, password, value, mobilityPolicy, registrarPool);
  }

  public User withPassword(String value) {
    return new User(
        displayName, samAccountName, sipAddress, value, enabled, mobilityPolicy, registrarPool);
  }

  public User withMobilityPolicy(String identity) {
    return new User(
        displayName, samAccountName, sipAddress, password, enabled, identity, registrarPool);
  }

  public User withDisplayName(String value) {
    return new User(
        value, samAccountName, sipAddress, password, enabled, mobilityPolicy, registrarPool);
  }
}
