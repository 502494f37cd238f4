package io.lyncemu.core.cmdlets;

import io.lyncemu.core.federation.AccessEdgeConfiguration;
import io.lyncemu.core.federation.RoutingMethod;
import io.lyncemu.core.federation.VerificationLevel;
import io.lyncemu.core.management.Cmdlet;
import io.lyncemu.core.management.CmdletArguments;
import io.lyncemu.core.management.CmdletException;
import io.lyncemu.core.management.CmdletOutput;
import io.lyncemu.core.management.PsObject;
import io.lyncemu.core.management.SimpleCmdlet;
import io.lyncemu.core.topology.Deployment;
import java.util.List;

/**
 * Get-/Set-CsAccessEdgeConfiguration (global scope). Switching to default routing while a hosting
 * provider is enabled is allowed, as in Lync, although the help says such a provider cannot be
 * federated with then: {@link AccessEdgeConfiguration#allowsHostingProviders()} is where the Access
 * Edge learns that and refuses the route.
 */
public final class AccessEdgeConfigurationCmdlets {
  private final Deployment deployment;

  public AccessEdgeConfigurationCmdlets(Deployment deployment) {
    this.deployment = deployment;
  }

  public List<Cmdlet> all() {
    return List.of(
        new SimpleCmdlet(
            "Get-CsAccessEdgeConfiguration",
            "Returns the Access Edge settings: federation, remote and anonymous access, routing.",
            this::get),
        new SimpleCmdlet(
            "Set-CsAccessEdgeConfiguration",
            "Changes the Access Edge settings: federation, remote and anonymous access, routing.",
            this::set));
  }

  private CmdletOutput get(CmdletArguments given) {
    CmdletArguments args = given.bind("Get-CsAccessEdgeConfiguration", "Filter", "LocalStore");
    args.identity().ifPresent(AccessEdgeConfigurationCmdlets::requireGlobal);
    return CmdletOutput.of(describe(deployment.current().federation().accessEdge()));
  }

  private CmdletOutput set(CmdletArguments given) {
    CmdletArguments args =
        given.bind(
            "Set-CsAccessEdgeConfiguration",
            "AllowFederatedUsers",
            "AllowOutsideUsers",
            "AllowAnonymousUsers",
            "EnablePartnerDiscovery",
            "DiscoveredPartnerVerificationLevel",
            "MarkSourceVerifiableOnOutgoingMessages",
            "OutgoingTlsCountForFederatedPartners",
            "KeepCrlsUpToDateForPeers",
            "UseDnsSrvRouting",
            "UseDefaultRouting",
            "DefaultRouteFqdn",
            "Force");
    args.identity().ifPresent(AccessEdgeConfigurationCmdlets::requireGlobal);
    boolean dnsSrv = args.bool("UseDnsSrvRouting").orElse(false);
    boolean defaultRouting = args.bool("UseDefaultRouting").orElse(false);
    if (dnsSrv && defaultRouting) {
      throw CmdletException.invalidArgument(
          "Parameter set cannot be resolved using the specified named parameters.");
    }
    VerificationLevel discovered =
        args.parsed("DiscoveredPartnerVerificationLevel", VerificationLevel::parse).orElse(null);
    Long tlsCount = args.integer("OutgoingTlsCountForFederatedPartners").orElse(null);
    FederationUpdates.update(
        deployment,
        "Set-CsAccessEdgeConfiguration " + args.asMap(),
        f -> {
          AccessEdgeConfiguration e = f.accessEdge();
          RoutingMethod routing = e.routingMethod();
          String defaultRoute = args.get("DefaultRouteFqdn").orElse(e.defaultRouteFqdn());
          if (dnsSrv) {
            routing = RoutingMethod.USE_DNS_SRV_ROUTING;
            defaultRoute = "";
          } else if (defaultRouting) {
            routing = RoutingMethod.USE_DEFAULT_ROUTING;
          }
          if (routing == RoutingMethod.USE_DEFAULT_ROUTING && defaultRoute.isBlank()) {
            throw CmdletException.invalidArgument(
                "DefaultRouteFqdn must be specified when UseDefaultRouting is set.");
          }
          if (routing == RoutingMethod.USE_DNS_SRV_ROUTING && !defaultRoute.isBlank()) {
            throw CmdletException.invalidArgument(
                "DefaultRouteFqdn can only be set together with -UseDefaultRouting.");
          }
          return f.withAccessEdge(
              new AccessEdgeConfiguration(
                  e.identity(),
                  args.bool("AllowAnonymousUsers").orElse(e.allowAnonymousUsers()),
                  args.bool("AllowFederatedUsers").orElse(e.allowFederatedUsers()),
                  args.bool("AllowOutsideUsers").orElse(e.allowOutsideUsers()),
                  args.bool("EnablePartnerDiscovery").orElse(e.enablePartnerDiscovery()),
                  discovered == null ? e.discoveredPartnerVerificationLevel() : discovered,
                  args.bool("MarkSourceVerifiableOnOutgoingMessages")
                      .orElse(e.markSourceVerifiableOnOutgoingMessages()),
                  tlsCount == null
                      ? e.outgoingTlsCountForFederatedPartners()
                      : Math.toIntExact(tlsCount),
                  args.bool("KeepCrlsUpToDateForPeers").orElse(e.keepCrlsUpToDateForPeers()),
                  routing,
                  defaultRoute));
        });
    return CmdletOutput.none();
  }

  private static void requireGlobal(String identity) {
    if (!identity.equalsIgnoreCase("Global")) {
      throw CmdletException.notFound(identity);
    }
  }

  static PsObject describe(AccessEdgeConfiguration e) {
    return PsObject.of(
            "Microsoft.Rtc.Management.WritableConfig.Policy.Edge.AccessEdgeConfiguration")
        .put("Identity", e.identity())
        .put("AllowAnonymousUsers", e.allowAnonymousUsers())
        .put("AllowFederatedUsers", e.allowFederatedUsers())
        .put("AllowOutsideUsers", e.allowOutsideUsers())
        .put("BeClearingHouse", false)
        .put("EnablePartnerDiscovery", e.enablePartnerDiscovery())
        .put(
            "DiscoveredPartnerVerificationLevel", e.discoveredPartnerVerificationLevel().toString())
        .put("EnableArchivingDisclaimer", false)
        .put("EnableUserReplicator", true)
        .put("KeepCrlsUpToDateForPeers", e.keepCrlsUpToDateForPeers())
        .put("MarkSourceVerifiableOnOutgoingMessages", e.markSourceVerifiableOnOutgoingMessages())
        .put("OutgoingTlsCountForFederatedPartners", e.outgoingTlsCountForFederatedPartners())
        .put("RoutingMethod", e.routingMethod().toString())
        .put("DefaultRouteFqdn", e.defaultRouteFqdn().isBlank() ? null : e.defaultRouteFqdn())
        .build();
  }
}
