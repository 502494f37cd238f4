package io.lyncemu.core.federation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Everything that decides whether traffic may cross the Edge. {@code xmppFederationRoute} is the
 * Edge pool the site's XMPP federation route is assigned to in Topology Builder, or blank when it
 * is not assigned (then the FE XMPP gateway never connects to the Edge on 23456). The compact
 * constructor enforces the uniqueness rules the cmdlets document, so an invalid set never becomes
 * live.
 */
public record Federation(
    AccessEdgeConfiguration accessEdge,
    List<AllowedDomain> allowedDomains,
    List<HostingProvider> hostingProviders,
    XmppGatewayConfiguration xmppGateway,
    List<XmppAllowedPartner> xmppPartners,
    List<ExternalAccessPolicy> externalAccessPolicies,
    String xmppFederationRoute) {

  public static final Federation DEFAULT = new Federation(null, null, null, null, null, null, null);

  public Federation {
    accessEdge = accessEdge == null ? AccessEdgeConfiguration.DEFAULT : accessEdge;
    allowedDomains = allowedDomains == null ? List.of() : List.copyOf(allowedDomains);
    hostingProviders = hostingProviders == null ? List.of() : List.copyOf(hostingProviders);
    xmppGateway = xmppGateway == null ? XmppGatewayConfiguration.DEFAULT : xmppGateway;
    xmppPartners = xmppPartners == null ? List.of() : List.copyOf(xmppPartners);
    externalAccessPolicies = withGlobalPolicy(externalAccessPolicies);
    xmppFederationRoute =
        xmppFederationRoute == null ? "" : xmppFederationRoute.toLowerCase(Locale.ROOT);
    requireUnique(allowedDomains.stream().map(AllowedDomain::identity).toList(), "allowed domain");
    requireUnique(xmppPartners.stream().map(XmppAllowedPartner::identity).toList(), "XMPP partner");
    requireUnique(
        externalAccessPolicies.stream().map(p -> p.identity().toLowerCase(Locale.ROOT)).toList(),
        "external access policy");
    checkHostingProviders(hostingProviders);
  }

  private static List<ExternalAccessPolicy> withGlobalPolicy(List<ExternalAccessPolicy> policies) {
    List<ExternalAccessPolicy> all = new ArrayList<>(policies == null ? List.of() : policies);
    if (all.stream().noneMatch(p -> p.identity().equals(ExternalAccessPolicy.GLOBAL))) {
      all.add(0, ExternalAccessPolicy.defaults(ExternalAccessPolicy.GLOBAL));
    }
    return List.copyOf(all);
  }

  private static void requireUnique(List<String> identities, String what) {
    Set<String> seen = new HashSet<>();
    for (String id : identities) {
      if (!seen.add(id)) {
        throw new IllegalArgumentException(what + " '" + id + "' is defined twice");
      }
    }
  }

  /**
   * New-CsHostingProvider: "both the Identity and the ProxyFqdn must be unique". The message names
   * the provider already holding the FQDN, which is what an administrator needs to fix it.
   */
  private static void checkHostingProviders(List<HostingProvider> providers) {
    for (int i = 0; i < providers.size(); i++) {
      for (int j = 0; j < i; j++) {
        HostingProvider a = providers.get(j);
        HostingProvider b = providers.get(i);
        if (a.identity().equalsIgnoreCase(b.identity())) {
          throw new IllegalArgumentException(
              "A hosting provider with the Identity \"" + b.identity() + "\" already exists.");
        }
        if (a.proxyFqdn().equals(b.proxyFqdn())) {
          throw new IllegalArgumentException(
              "The ProxyFqdn \""
                  + b.proxyFqdn()
                  + "\" is already used by the hosting provider \""
                  + a.identity()
                  + "\". Each hosting provider must have a unique ProxyFqdn; only one"
                  + " federation relationship per hosting provider is allowed.");
        }
      }
    }
  }

  public Optional<AllowedDomain> allowedDomain(String domain) {
    String d = domain.toLowerCase(Locale.ROOT);
    return allowedDomains.stream().filter(a -> a.identity().equals(d)).findFirst();
  }

  public Optional<HostingProvider> hostingProviderFor(String proxyFqdn) {
    String f = proxyFqdn.toLowerCase(Locale.ROOT);
    return hostingProviders.stream().filter(h -> h.proxyFqdn().equals(f)).findFirst();
  }

  public Optional<HostingProvider> hostingProvider(String identity) {
    return hostingProviders.stream()
        .filter(h -> h.identity().equalsIgnoreCase(identity))
        .findFirst();
  }

  public Optional<XmppAllowedPartner> xmppPartnerFor(String domain) {
    return xmppPartners.stream().filter(p -> p.covers(domain)).findFirst();
  }

  public Optional<ExternalAccessPolicy> externalAccessPolicy(String identity) {
    String id = ExternalAccessPolicy.canonicalIdentity(identity);
    return externalAccessPolicies.stream()
        .filter(p -> p.identity().equalsIgnoreCase(id))
        .findFirst();
  }

  public ExternalAccessPolicy globalExternalAccessPolicy() {
    return externalAccessPolicy(ExternalAccessPolicy.GLOBAL).orElseThrow();
  }

  public boolean xmppRouteAssigned() {
    return !xmppFederationRoute.isBlank();
  }

  public Federation withAccessEdge(AccessEdgeConfiguration value) {
    return new Federation(
        value,
        allowedDomains,
        hostingProviders,
        xmppGateway,
        xmppPartners,
        externalAccessPolicies,
        xmppFederationRoute);
  }

  public Federation withAllowedDomains(List<AllowedDomain> value) {
    return new Federation(
        accessEdge,
        value,
        hostingProviders,
        xmppGateway,
        xmppPartners,
        externalAccessPolicies,
        xmppFederationRoute);
  }

  public Federation withHostingProviders(List<HostingProvider> value) {
    return new Federation(
        accessEdge,
        allowedDomains,
        value,
        xmppGateway,
        xmppPartners,
        externalAccessPolicies,
        xmppFederationRoute);
  }

  public Federation withXmppGateway(XmppGatewayConfiguration value) {
    return new Federation(
        accessEdge,
        allowedDomains,
        hostingProviders,
        value,
        xmppPartners,
        externalAccessPolicies,
        xmppFederationRoute);
  }

  public Federation withXmppPartners(List<XmppAllowedPartner> value) {
    return new Federation(
        accessEdge,
        allowedDomains,
        hostingProviders,
        xmppGateway,
        value,
        externalAccessPolicies,
        xmppFederationRoute);
  }

  public Federation withExternalAccessPolicies(List<ExternalAccessPolicy> value) {
    return new Federation(
        accessEdge,
        allowedDomains,
        hostingProviders,
        xmppGateway,
        xmppPartners,
        value,
        xmppFederationRoute);
  }

  public Federation withExternalAccessPolicy(
      String identity, UnaryOperator<ExternalAccessPolicy> change) {
    String id = ExternalAccessPolicy.canonicalIdentity(identity);
    return withExternalAccessPolicies(
        externalAccessPolicies.stream()
            .map(p -> p.identity().equalsIgnoreCase(id) ? change.apply(p) : p)
            .toList());
  }

  public Federation withXmppFederationRoute(String value) {
    return new Federation(
        accessEdge,
        allowedDomains,
        hostingProviders,
        xmppGateway,
        xmppPartners,
        externalAccessPolicies,
        value);
  }
}
