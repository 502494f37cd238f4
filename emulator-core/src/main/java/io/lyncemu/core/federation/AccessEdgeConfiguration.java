package io.lyncemu.core.federation;

/**
 * Get-/Set-CsAccessEdgeConfiguration. Defaults from the cmdlet help: federation with other
 * organisations is off ({@code AllowFederatedUsers False}), remote users are allowed, anonymous
 * users and partner discovery are off, routing uses DNS SRV look-ups.
 */
public record AccessEdgeConfiguration(
    String identity,
    Boolean allowAnonymousUsers,
    Boolean allowFederatedUsers,
    Boolean allowOutsideUsers,
    Boolean enablePartnerDiscovery,
    VerificationLevel discoveredPartnerVerificationLevel,
    Boolean markSourceVerifiableOnOutgoingMessages,
    Integer outgoingTlsCountForFederatedPartners,
    Boolean keepCrlsUpToDateForPeers,
    RoutingMethod routingMethod,
    String defaultRouteFqdn) {

  public static final AccessEdgeConfiguration DEFAULT =
      new AccessEdgeConfiguration(null, null, null, null, null, null, null, null, null, null, null);

  public AccessEdgeConfiguration {
    identity = identity == null ? "Global" : identity;
    allowAnonymousUsers = allowAnonymousUsers != null && allowAnonymousUsers;
    allowFederatedUsers = allowFederatedUsers != null && allowFederatedUsers;
    allowOutsideUsers = allowOutsideUsers == null || allowOutsideUsers;
    enablePartnerDiscovery = enablePartnerDiscovery != null && enablePartnerDiscovery;
    discoveredPartnerVerificationLevel =
        discoveredPartnerVerificationLevel == null
            ? VerificationLevel.ALWAYS_UNVERIFIABLE
            : discoveredPartnerVerificationLevel;
    markSourceVerifiableOnOutgoingMessages =
        markSourceVerifiableOnOutgoingMessages == null || markSourceVerifiableOnOutgoingMessages;
    outgoingTlsCountForFederatedPartners =
        outgoingTlsCountForFederatedPartners == null ? 4 : outgoingTlsCountForFederatedPartners;
    keepCrlsUpToDateForPeers = keepCrlsUpToDateForPeers == null || keepCrlsUpToDateForPeers;
    routingMethod = routingMethod == null ? RoutingMethod.USE_DNS_SRV_ROUTING : routingMethod;
    defaultRouteFqdn = defaultRouteFqdn == null ? "" : defaultRouteFqdn;
    if (routingMethod == RoutingMethod.USE_DEFAULT_ROUTING && defaultRouteFqdn.isBlank()) {
      throw new IllegalArgumentException("UseDefaultRouting needs a DefaultRouteFqdn");
    }
  }

  public boolean federationEnabled() {
    return allowFederatedUsers;
  }

  /**
   * New-CsHostingProvider's help: "you cannot federate with a hosting provider if the Edge uses
   * default routing". Lync still lets an administrator switch to default routing while a provider
   * is enabled; the Access Edge is what refuses to route to the provider then, so it asks here.
   */
  public boolean allowsHostingProviders() {
    return routingMethod == RoutingMethod.USE_DNS_SRV_ROUTING;
  }

  public AccessEdgeConfiguration withAllowFederatedUsers(boolean value) {
    return new AccessEdgeConfiguration(
        identity,
        allowAnonymousUsers,
        value,
        allowOutsideUsers,
        enablePartnerDiscovery,
        discoveredPartnerVerificationLevel,
        markSourceVerifiableOnOutgoingMessages,
        outgoingTlsCountForFederatedPartners,
        keepCrlsUpToDateForPeers,
        routingMethod,
        defaultRouteFqdn);
  }

  public AccessEdgeConfiguration withRouting(RoutingMethod method, String defaultRoute) {
    return new AccessEdgeConfiguration(
        identity,
        allowAnonymousUsers,
        allowFederatedUsers,
        allowOutsideUsers,
        enablePartnerDiscovery,
        discoveredPartnerVerificationLevel,
        markSourceVerifiableOnOutgoingMessages,
        outgoingTlsCountForFederatedPartners,
        keepCrlsUpToDateForPeers,
        method,
        defaultRoute);
  }

  public AccessEdgeConfiguration with(
      Boolean anonymous, Boolean outside, Boolean discovery, Boolean markSourceVerifiable) {
    return new AccessEdgeConfiguration(
        identity,
        anonymous == null ? allowAnonymousUsers : anonymous,
        allowFederatedUsers,
        outside == null ? allowOutsideUsers : outside,
        discovery == null ? enablePartnerDiscovery : discovery,
        discoveredPartnerVerificationLevel,
        markSourceVerifiable == null
            ? markSourceVerifiableOnOutgoingMessages
            : markSourceVerifiable,
        outgoingTlsCountForFederatedPartners,
        keepCrlsUpToDateForPeers,
        routingMethod,
        defaultRouteFqdn);
  }
}
