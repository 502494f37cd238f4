package io.lyncemu.edge.sip.routing;

import io.lyncemu.core.dns.EmulatedPorts;
import io.lyncemu.core.dns.NameResolver;
import io.lyncemu.core.dns.SrvTarget;
import io.lyncemu.core.federation.AccessEdgeConfiguration;
import io.lyncemu.core.federation.AllowedDomain;
import io.lyncemu.core.federation.Federation;
import io.lyncemu.core.federation.HostingProvider;
import io.lyncemu.core.federation.RoutingMethod;
import io.lyncemu.core.federation.VerificationLevel;
import io.lyncemu.core.topology.Topology;
import io.lyncemu.edge.sip.routing.SipRoutingDecision.DeliverInside;
import io.lyncemu.edge.sip.routing.SipRoutingDecision.Route;
import io.lyncemu.edge.sip.routing.SipRoutingDecision.RouteSource;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The Access Edge's federation rules, applied to the topology live at request time so that a
 * Set-CsAccessEdgeConfiguration or New-CsAllowedDomain takes effect with the next request.
 *
 * <p>Outbound, in order: the sender's domain must be the deployment's (else relay refused);
 * AllowFederatedUsers must be on; the sender's external access policy must allow federation; under
 * UseDefaultRouting every allowed domain goes to DefaultRouteFqdn and hosting providers are
 * refused; an allowed domain with a ProxyFqdn goes there; otherwise the {@code
 * _sipfederationtls._tcp.<domain>} SRV answer decides: a target that is a hosting provider's
 * ProxyFqdn goes to that provider (when enabled), a target inside the domain's own namespace is
 * accepted for an allowed domain (or any domain with partner discovery), and anything else is "not
 * configured". Inbound: the sender's domain must be allowed, or the TLS-proven peer a hosting
 * provider, or partner discovery on. Thread-safe; DNS look-ups go through the emulator's resolver.
 */
public final class FederationPolicy {
  /** The Access Edge's well-known federation port (MTLS). */
  public static final int SIP_FEDERATION_PORT = 5061;

  public static final String SRV_PREFIX = "_sipfederationtls._tcp.";

  private final NameResolver resolver;
  private final EmulatedPorts ports;

  public FederationPolicy(NameResolver resolver, EmulatedPorts ports) {
    this.resolver = Objects.requireNonNull(resolver, "resolver");
    this.ports = Objects.requireNonNull(ports, "ports");
  }

  /**
   * Whether {@code domain} is the deployment's SIP domain or a host inside it (the Edge's internal
   * FQDN, a pool): such senders are "inside" even when they reach the Edge over the network.
   */
  public static boolean isInside(Topology topology, String domain) {
    String d = domain.toLowerCase(Locale.ROOT);
    return topology.isLocalDomain(d) || d.endsWith("." + topology.sipDomain());
  }

  public SipRoutingDecision decide(Topology topology, FederationRequest request) {
    return request.direction() == Direction.OUTBOUND
        ? outbound(topology, request)
        : inbound(topology, request);
  }

  private SipRoutingDecision outbound(Topology topology, FederationRequest request) {
    String domain = request.toDomain();
    if (!isInside(topology, request.fromDomain())) {
      return Diagnostics.relayRefused(request.fromDomain(), domain);
    }
    Federation federation = topology.federation();
    AccessEdgeConfiguration edge = federation.accessEdge();
    if (!edge.allowFederatedUsers()) {
      return Diagnostics.federationDisabled();
    }
    if (!request.senderMayFederate()) {
      return Diagnostics.senderNotAllowed(domain);
    }
    Optional<AllowedDomain> allowed = federation.allowedDomain(domain);
    if (edge.routingMethod() == RoutingMethod.USE_DEFAULT_ROUTING) {
      return defaultRoute(federation, edge, domain, allowed);
    }
    if (allowed.isPresent() && !allowed.get().proxyFqdn().isBlank()) {
      String proxy = allowed.get().proxyFqdn();
      Optional<HostingProvider> provider = federation.hostingProviderFor(proxy);
      int port = ports.resolve(proxy, SIP_FEDERATION_PORT);
      if (provider.isPresent()) {
        return provider.get().enabled()
            ? new Route(
                proxy, port, RouteSource.HOSTING_PROVIDER, allowed.get().verificationLevel())
            : Diagnostics.hostingProviderDisabled(provider.get().identity(), proxy + ":" + port);
      }
      return new Route(
          proxy, port, RouteSource.ALLOWED_DOMAIN_PROXY, allowed.get().verificationLevel());
    }
    List<SrvTarget> answers = resolver.lookupSrv(SRV_PREFIX + domain);
    if (answers.isEmpty()) {
      return allowed.isPresent() || edge.enablePartnerDiscovery()
          ? Diagnostics.dnsSrvNotFound(domain)
          : Diagnostics.notConfigured(domain, "");
    }
    SrvTarget target = answers.get(0);
    String host = target.host().toLowerCase(Locale.ROOT);
    Optional<HostingProvider> provider = federation.hostingProviderFor(host);
    if (provider.isPresent()) {
      return provider.get().enabled()
          ? new Route(
              host, target.port(), RouteSource.HOSTING_PROVIDER, provider.get().verificationLevel())
          : Diagnostics.hostingProviderDisabled(
              provider.get().identity(), host + ":" + target.port());
    }
    if (host.equals(domain) || host.endsWith("." + domain)) {
      if (allowed.isPresent()) {
        return new Route(
            host, target.port(), RouteSource.DNS_SRV, allowed.get().verificationLevel());
      }
      if (edge.enablePartnerDiscovery()) {
        return new Route(
            host, target.port(), RouteSource.DNS_SRV, edge.discoveredPartnerVerificationLevel());
      }
    }
    return Diagnostics.notConfigured(domain, host + ":" + target.port());
  }

  private SipRoutingDecision defaultRoute(
      Federation federation,
      AccessEdgeConfiguration edge,
      String domain,
      Optional<AllowedDomain> allowed) {
    Optional<HostingProvider> provider =
        allowed
            .filter(a -> !a.proxyFqdn().isBlank())
            .flatMap(a -> federation.hostingProviderFor(a.proxyFqdn()));
    if (provider.isEmpty() && allowed.isEmpty()) {
      // Only a DNS look-up can tell that the domain lives at a hosting provider; say so rather
      // than "not configured", because the fix is the routing method.
      provider =
          resolver.lookupSrv(SRV_PREFIX + domain).stream()
              .findFirst()
              .flatMap(t -> federation.hostingProviderFor(t.host()));
    }
    if (provider.isPresent()) {
      return Diagnostics.hostingProviderNeedsDnsSrv(provider.get().identity(), domain);
    }
    if (allowed.isEmpty()) {
      return Diagnostics.notConfigured(domain, "");
    }
    String fqdn = edge.defaultRouteFqdn();
    return new Route(
        fqdn,
        ports.resolve(fqdn, SIP_FEDERATION_PORT),
        RouteSource.DEFAULT_ROUTE,
        allowed.get().verificationLevel());
  }

  private static SipRoutingDecision inbound(Topology topology, FederationRequest request) {
    if (isInside(topology, request.fromDomain())) {
      return new DeliverInside(VerificationLevel.ALWAYS_VERIFIABLE);
    }
    Federation federation = topology.federation();
    AccessEdgeConfiguration edge = federation.accessEdge();
    if (!edge.allowFederatedUsers()) {
      return Diagnostics.federationDisabled();
    }
    Optional<AllowedDomain> allowed = federation.allowedDomain(request.fromDomain());
    if (allowed.isPresent()) {
      return new DeliverInside(allowed.get().verificationLevel());
    }
    if (!request.sourceFqdn().isBlank()) {
      Optional<HostingProvider> provider = federation.hostingProviderFor(request.sourceFqdn());
      if (provider.isPresent()) {
        if (edge.routingMethod() == RoutingMethod.USE_DEFAULT_ROUTING) {
          return Diagnostics.hostingProviderNeedsDnsSrv(
              provider.get().identity(), request.fromDomain());
        }
        return provider.get().enabled()
            ? new DeliverInside(provider.get().verificationLevel())
            : Diagnostics.hostingProviderDisabled(provider.get().identity(), request.sourceFqdn());
      }
    }
    if (edge.enablePartnerDiscovery()) {
      return new DeliverInside(edge.discoveredPartnerVerificationLevel());
    }
    return Diagnostics.notConfigured(request.fromDomain(), request.sourceFqdn());
  }
}
