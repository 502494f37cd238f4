package io.lyncemu.core.federation;

import io.lyncemu.core.topology.Fqdns;
import java.util.List;

/**
 * An XMPP partner the Edge federates with (New-CsXmppAllowedPartner). Defaults from the help: TLS
 * and SASL Required, dialback supported, keep-alive on, PartnerType PublicUnverified. Google Talk's
 * documented recipe is TLS and SASL NotSupported with dialback.
 */
public record XmppAllowedPartner(
    String identity,
    List<String> additionalDomains,
    Integer connectionLimit,
    String description,
    Boolean enableKeepAlive,
    XmppPartnerType partnerType,
    String proxyFqdn,
    Negotiation saslNegotiation,
    Negotiation tlsNegotiation,
    Boolean supportDialbackNegotiation) {

  public XmppAllowedPartner {
    identity = Fqdns.require(identity, "XMPP partner identity");
    additionalDomains =
        additionalDomains == null
            ? List.of()
            : additionalDomains.stream().map(d -> Fqdns.require(d, "additional-domains")).toList();
    connectionLimit = connectionLimit == null ? 1000 : connectionLimit;
    if (connectionLimit < 1) {
      throw new IllegalArgumentException("ConnectionLimit must be at least 1");
    }
    description = description == null ? "" : description;
    enableKeepAlive = enableKeepAlive == null || enableKeepAlive;
    partnerType = partnerType == null ? XmppPartnerType.PUBLIC_UNVERIFIED : partnerType;
    proxyFqdn =
        proxyFqdn == null || proxyFqdn.isBlank() ? "" : Fqdns.require(proxyFqdn, "proxy-fqdn");
    saslNegotiation = saslNegotiation == null ? Negotiation.REQUIRED : saslNegotiation;
    tlsNegotiation = tlsNegotiation == null ? Negotiation.REQUIRED : tlsNegotiation;
    supportDialbackNegotiation = supportDialbackNegotiation == null || supportDialbackNegotiation;
  }

  public static XmppAllowedPartner of(String domain) {
    return new XmppAllowedPartner(domain, null, null, null, null, null, null, null, null, null);
  }

  /** Whether this partner entry covers {@code domain} (its identity or an additional domain). */
  public boolean covers(String domain) {
    String d = domain.toLowerCase(java.util.Locale.ROOT);
    return identity.equals(d) || additionalDomains.contains(d);
  }
}
