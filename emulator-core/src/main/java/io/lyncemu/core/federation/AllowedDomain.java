package io.lyncemu.core.federation;

import io.lyncemu.core.topology.Fqdns;

/**
 * A federated SIP domain on the allowed list (New-CsAllowedDomain). Without a ProxyFqdn the Access
 * Edge finds the partner's edge through the {@code _sipfederationtls._tcp.<domain>} SRV record.
 */
public record AllowedDomain(
    String identity,
    String proxyFqdn,
    String comment,
    Boolean markForMonitoring,
    VerificationLevel verificationLevel) {

  public AllowedDomain {
    identity = Fqdns.require(identity, "allowed domain identity");
    proxyFqdn =
        proxyFqdn == null || proxyFqdn.isBlank() ? "" : Fqdns.require(proxyFqdn, "proxy-fqdn");
    comment = comment == null ? "" : comment;
    markForMonitoring = markForMonitoring != null && markForMonitoring;
    verificationLevel =
        verificationLevel == null ? VerificationLevel.USE_SOURCE_VERIFICATION : verificationLevel;
  }

  public static AllowedDomain of(String domain) {
    return new AllowedDomain(domain, null, null, null, null);
  }
}
