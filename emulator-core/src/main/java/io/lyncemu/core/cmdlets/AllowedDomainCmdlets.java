package io.lyncemu.core.cmdlets;

import io.lyncemu.core.federation.AllowedDomain;
import io.lyncemu.core.federation.VerificationLevel;
import io.lyncemu.core.management.Cmdlet;
import io.lyncemu.core.management.CmdletArguments;
import io.lyncemu.core.management.CmdletException;
import io.lyncemu.core.management.CmdletOutput;
import io.lyncemu.core.management.PsObject;
import io.lyncemu.core.management.SimpleCmdlet;
import io.lyncemu.core.topology.Deployment;
import io.lyncemu.core.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** New-, Get-, Set- and Remove-CsAllowedDomain: the SIP domains the Access Edge federates with. */
public final class AllowedDomainCmdlets {
  private static final String[] SETTINGS = {
    "ProxyFqdn", "Comment", "MarkForMonitoring", "VerificationLevel", "Force"
  };
  private final Deployment deployment;

  public AllowedDomainCmdlets(Deployment deployment) {
    this.deployment = deployment;
  }

  public List<Cmdlet> all() {
    return List.of(
        new SimpleCmdlet(
            "Get-CsAllowedDomain", "Returns the allowed federated domains.", this::get),
        new SimpleCmdlet(
            "New-CsAllowedDomain", "Adds a domain to the allowed federated domains.", this::create),
        new SimpleCmdlet("Set-CsAllowedDomain", "Changes an allowed federated domain.", this::set),
        new SimpleCmdlet(
            "Remove-CsAllowedDomain",
            "Removes a domain from the allowed federated domains.",
            this::remove));
  }

  private CmdletOutput get(CmdletArguments given) {
    CmdletArguments args = given.bind("Get-CsAllowedDomain", "Filter", "LocalStore");
    Topology topology = deployment.current();
    if (args.identity().isPresent()) {
      return CmdletOutput.of(describe(find(topology, args.identity().get())));
    }
    return CmdletOutput.of(
        topology.federation().allowedDomains().stream()
            .map(AllowedDomainCmdlets::describe)
            .toList());
  }

  private CmdletOutput create(CmdletArguments given) {
    CmdletArguments args = given.bind("New-CsAllowedDomain", SETTINGS);
    String domain = args.requireIdentity().toLowerCase(Locale.ROOT);
    if (deployment.current().federation().allowedDomain(domain).isPresent()) {
      throw FederationUpdates.alreadyExists(domain, "Set-CsAllowedDomain");
    }
    VerificationLevel level =
        args.parsed("VerificationLevel", VerificationLevel::parse).orElse(null);
    FederationUpdates.update(
        deployment,
        "New-CsAllowedDomain " + domain + " " + args.asMap(),
        f -> {
          List<AllowedDomain> all = new ArrayList<>(f.allowedDomains());
          all.add(
              new AllowedDomain(
                  domain,
                  args.get("ProxyFqdn").orElse(null),
                  args.get("Comment").orElse(null),
                  args.bool("MarkForMonitoring").orElse(null),
                  level));
          return f.withAllowedDomains(all);
        });
    return CmdletOutput.of(describe(find(deployment.current(), domain)));
  }

  private CmdletOutput set(CmdletArguments given) {
    CmdletArguments args = given.bind("Set-CsAllowedDomain", SETTINGS);
    AllowedDomain existing = find(deployment.current(), args.requireIdentity());
    VerificationLevel level =
        args.parsed("VerificationLevel", VerificationLevel::parse).orElse(null);
    FederationUpdates.update(
        deployment,
        "Set-CsAllowedDomain " + existing.identity() + " " + args.asMap(),
        f ->
            f.withAllowedDomains(
                f.allowedDomains().stream()
                    .map(
                        d ->
                            !d.identity().equals(existing.identity())
                                ? d
                                : new AllowedDomain(
                                    d.identity(),
                                    args.isNull("ProxyFqdn")
                                        ? null
                                        : args.get("ProxyFqdn").orElse(d.proxyFqdn()),
                                    args.isNull("Comment")
                                        ? null
                                        : args.get("Comment").orElse(d.comment()),
                                    args.bool("MarkForMonitoring").orElse(d.markForMonitoring()),
                                    level == null ? d.verificationLevel() : level))
                    .toList()));
    return CmdletOutput.none();
  }

  private CmdletOutput remove(CmdletArguments given) {
    CmdletArguments args = given.bind("Remove-CsAllowedDomain", "Force");
    AllowedDomain existing = find(deployment.current(), args.requireIdentity());
    FederationUpdates.update(
        deployment,
        "Remove-CsAllowedDomain " + existing.identity(),
        f ->
            f.withAllowedDomains(
                f.allowedDomains().stream()
                    .filter(d -> !d.identity().equals(existing.identity()))
                    .toList()));
    return CmdletOutput.none();
  }

  private static AllowedDomain find(Topology topology, String identity) {
    return topology
        .federation()
        .allowedDomain(identity)
        .orElseThrow(() -> CmdletException.notFound(identity));
  }

  static PsObject describe(AllowedDomain d) {
    return PsObject.of("Microsoft.Rtc.Management.WritableConfig.Edge.AllowedDomain")
        .put("Identity", d.identity())
        .put("Domain", d.identity())
        .put("ProxyFqdn", d.proxyFqdn().isEmpty() ? null : d.proxyFqdn())
        .put("Comment", d.comment().isEmpty() ? null : d.comment())
        .put("MarkForMonitoring", d.markForMonitoring())
        .put("VerificationLevel", d.verificationLevel().toString())
        .build();
  }
}
