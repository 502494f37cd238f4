package io.lyncemu.core.cmdlets;

import io.lyncemu.core.federation.HostingProvider;
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

/**
 * New-, Get-, Set- and Remove-CsHostingProvider. Identity and ProxyFqdn are each unique (the help's
 * "only one federation relationship per hosting provider"); {@link
 * io.lyncemu.core.federation.Federation} enforces that and its message is the error shown.
 */
public final class HostingProviderCmdlets {
  private static final String[] SETTINGS = {
    "ProxyFqdn",
    "Enabled",
    "EnabledSharedAddressSpace",
    "HostsOCSUsers",
    "IsLocal",
    "VerificationLevel",
    "SipClientPort",
    "AutodiscoverUrl",
    "Force"
  };
  private final Deployment deployment;

  public HostingProviderCmdlets(Deployment deployment) {
    this.deployment = deployment;
  }

  public List<Cmdlet> all() {
    return List.of(
        new SimpleCmdlet("Get-CsHostingProvider", "Returns the hosting providers.", this::get),
        new SimpleCmdlet("New-CsHostingProvider", "Adds a hosting provider.", this::create),
        new SimpleCmdlet("Set-CsHostingProvider", "Changes a hosting provider.", this::set),
        new SimpleCmdlet("Remove-CsHostingProvider", "Removes a hosting provider.", this::remove));
  }

  private CmdletOutput get(CmdletArguments given) {
    CmdletArguments args = given.bind("Get-CsHostingProvider", "Filter", "LocalStore");
    Topology topology = deployment.current();
    if (args.identity().isPresent()) {
      return CmdletOutput.of(describe(find(topology, args.identity().get())));
    }
    return CmdletOutput.of(
        topology.federation().hostingProviders().stream()
            .map(HostingProviderCmdlets::describe)
            .toList());
  }

  private CmdletOutput create(CmdletArguments given) {
    CmdletArguments args = given.bind("New-CsHostingProvider", SETTINGS);
    String identity = args.requireIdentity();
    String proxyFqdn = args.require("ProxyFqdn");
    HostingProvider template = template(identity, proxyFqdn);
    HostingProvider created = apply(template, args);
    FederationUpdates.update(
        deployment,
        "New-CsHostingProvider " + identity + " " + args.asMap(),
        f -> {
          List<HostingProvider> all = new ArrayList<>(f.hostingProviders());
          all.add(created);
          return f.withHostingProviders(all);
        });
    return CmdletOutput.of(describe(created));
  }

  private CmdletOutput set(CmdletArguments given) {
    CmdletArguments args = given.bind("Set-CsHostingProvider", SETTINGS);
    HostingProvider existing = find(deployment.current(), args.requireIdentity());
    if (args.get("ProxyFqdn").isPresent()
        && !args.get("ProxyFqdn").get().equalsIgnoreCase(existing.proxyFqdn())) {
      throw new CmdletException(
          "InvalidOperation",
          "ProxyFqdn cannot be changed. Remove the hosting provider \""
              + existing.identity()
              + "\" and create it again with the new ProxyFqdn.");
    }
    HostingProvider changed = apply(existing, args);
    FederationUpdates.update(
        deployment,
        "Set-CsHostingProvider " + existing.identity() + " " + args.asMap(),
        f ->
            f.withHostingProviders(
                f.hostingProviders().stream()
                    .map(h -> h.identity().equals(existing.identity()) ? changed : h)
                    .toList()));
    return CmdletOutput.none();
  }

  private CmdletOutput remove(CmdletArguments given) {
    CmdletArguments args = given.bind("Remove-CsHostingProvider", "Force");
    HostingProvider existing = find(deployment.current(), args.requireIdentity());
    FederationUpdates.update(
        deployment,
        "Remove-CsHostingProvider " + existing.identity(),
        f ->
            f.withHostingProviders(
                f.hostingProviders().stream()
                    .filter(h -> !h.identity().equals(existing.identity()))
                    .toList()));
    return CmdletOutput.none();
  }

  private static HostingProvider template(String identity, String proxyFqdn) {
    try {
      return new HostingProvider(
          identity, proxyFqdn.toLowerCase(Locale.ROOT), null, null, null, null, null, null, null);
    } catch (IllegalArgumentException e) {
      throw CmdletException.invalidArgument(e.getMessage());
    }
  }

  private static HostingProvider apply(HostingProvider h, CmdletArguments args) {
    VerificationLevel level =
        args.parsed("VerificationLevel", VerificationLevel::parse).orElse(null);
    Long port = args.integer("SipClientPort").orElse(null);
    if (port != null && (port < 1 || port > 65_535)) {
      throw CmdletException.invalidArgument(
          "Cannot validate argument on parameter 'SipClientPort'. The argument \""
              + port
              + "\" is not a TCP port (1-65535).");
    }
    return new HostingProvider(
        h.identity(),
        h.proxyFqdn(),
        args.bool("Enabled").orElse(h.enabled()),
        args.bool("EnabledSharedAddressSpace").orElse(h.enabledSharedAddressSpace()),
        args.bool("HostsOCSUsers").orElse(h.hostsOcsUsers()),
        args.bool("IsLocal").orElse(h.isLocal()),
        level == null ? h.verificationLevel() : level,
        port == null ? h.sipClientPort() : port.intValue(),
        args.isNull("AutodiscoverUrl")
            ? ""
            : args.get("AutodiscoverUrl").orElse(h.autodiscoverUrl()));
  }

  private static HostingProvider find(Topology topology, String identity) {
    return topology
        .federation()
        .hostingProvider(identity)
        .orElseThrow(() -> CmdletException.notFound(identity));
  }

  static PsObject describe(HostingProvider h) {
    return PsObject.of("Microsoft.Rtc.Management.WritableConfig.Edge.HostingProvider")
        .put("Identity", h.identity())
        .put("Name", h.identity())
        .put("ProxyFqdn", h.proxyFqdn())
        .put("VerificationLevel", h.verificationLevel().toString())
        .put("Enabled", h.enabled())
        .put("EnabledSharedAddressSpace", h.enabledSharedAddressSpace())
        .put("HostsOCSUsers", h.hostsOcsUsers())
        .put("IsLocal", h.isLocal())
        .put("AutodiscoverUrl", h.autodiscoverUrl().isEmpty() ? null : h.autodiscoverUrl())
        .build();
  }
}
