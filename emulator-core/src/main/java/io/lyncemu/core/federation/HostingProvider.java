package io.lyncemu.core.federation;

import io.lyncemu.core.topology.Fqdns;

/**
 * A hosting provider (New-CsHostingProvider), such as LyncOnline at {@code sipfed.online.lync.com}
 * that carries push notifications. Defaults from the help: disabled, not a shared address space,
 * VerificationLevel AlwaysVerifiable, SIP client port 443. Identity and ProxyFqdn are each unique
 * across providers; {@link Federation} enforces that.
 */
public record HostingProvider(
    String identity,
    String proxyFqdn,
    Boolean enabled,
    Boolean enabledSharedAddressSpace,
    Boolean hostsOcsUsers,
    Boolean isLocal,
    VerificationLevel verificationLevel,
    Integer sipClientPort,
    String autodiscoverUrl) {

  public HostingProvider {
    if (identity == null || identity.isBlank()) {
      throw new IllegalArgumentException("a hosting provider needs an Identity");
    }
    proxyFqdn = Fqdns.require(proxyFqdn, "hosting provider proxy-fqdn");
    enabled = enabled != null && enabled;
    enabledSharedAddressSpace = enabledSharedAddressSpace != null && enabledSharedAddressSpace;
    hostsOcsUsers = hostsOcsUsers != null && hostsOcsUsers;
    isLocal = isLocal != null && isLocal;
    verificationLevel =
        verificationLevel == null ? VerificationLevel.ALWAYS_VERIFIABLE : verificationLevel;
    sipClientPort = sipClientPort == null ? 443 : sipClientPort;
    autodiscoverUrl = autodiscoverUrl == null ? "" : autodiscoverUrl;
  }

  public HostingProvider withEnabled(boolean value) {
    return new HostingProvider(
        identity,
        proxyFqdn,
        value,
        enabledSharedAddressSpace,
        hostsOcsUsers,
        isLocal,
        verificationLevel,
        sipClientPort,
        autodiscoverUrl);
  }

  public HostingProvider withVerificationLevel(VerificationLevel value) {
    return new HostingProvider(
        identity,
        proxyFqdn,
        enabled,
        enabledSharedAddressSpace,
        hostsOcsUsers,
        isLocal,
        value,
        sipClientPort,
        autodiscoverUrl);
  }
}
