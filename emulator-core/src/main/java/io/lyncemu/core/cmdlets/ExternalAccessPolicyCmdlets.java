package io.lyncemu.core.cmdlets;

import io.lyncemu.core.federation.ExternalAccessPolicy;
import io.lyncemu.core.management.Cmdlet;
import io.lyncemu.core.management.CmdletArguments;
import io.lyncemu.core.management.CmdletException;
import io.lyncemu.core.management.CmdletOutput;
import io.lyncemu.core.management.PsObject;
import io.lyncemu.core.management.SimpleCmdlet;
import io.lyncemu.core.topology.Deployment;
import io.lyncemu.core.topology.Topology;
import io.lyncemu.core.topology.User;
import java.util.ArrayList;
import java.util.List;

/**
 * New-, Get-, Set-, Remove- and Grant-CsExternalAccessPolicy. Parameter names may be abbreviated as
 * in PowerShell, which is why the XMPP seed's {@code -EnableFederationAcces} works.
 */
public final class ExternalAccessPolicyCmdlets {
  private static final String[] SETTINGS = {
    "Description",
    "EnableFederationAccess",
    "EnableXmppAccess",
    "EnablePublicCloudAccess",
    "EnablePublicCloudAudioVideoAccess",
    "EnableOutsideAccess",
    "Force"
  };
  private final Deployment deployment;

  public ExternalAccessPolicyCmdlets(Deployment deployment) {
    this.deployment = deployment;
  }

  public List<Cmdlet> all() {
    return List.of(
        new SimpleCmdlet(
            "Get-CsExternalAccessPolicy", "Returns external access policies.", this::get),
        new SimpleCmdlet(
            "New-CsExternalAccessPolicy", "Creates an external access policy.", this::create),
        new SimpleCmdlet(
            "Set-CsExternalAccessPolicy", "Changes an external access policy.", this::set),
        new SimpleCmdlet(
            "Remove-CsExternalAccessPolicy", "Removes an external access policy.", this::remove),
        new SimpleCmdlet(
            "Grant-CsExternalAccessPolicy",
            "Assigns a per-user external access policy.",
            this::grant));
  }

  private CmdletOutput get(CmdletArguments given) {
    CmdletArguments args = given.bind("Get-CsExternalAccessPolicy", "Filter", "LocalStore");
    Topology topology = deployment.current();
    if (args.identity().isPresent()) {
      return CmdletOutput.of(describe(find(topology, args.identity().get())));
    }
    return CmdletOutput.of(
        topology.federation().externalAccessPolicies().stream()
            .map(ExternalAccessPolicyCmdlets::describe)
            .toList());
  }

  private CmdletOutput create(CmdletArguments given) {
    CmdletArguments args = given.bind("New-CsExternalAccessPolicy", SETTINGS);
    String identity = ExternalAccessPolicy.canonicalIdentity(args.requireIdentity());
    if (deployment.current().federation().externalAccessPolicy(identity).isPresent()) {
      throw FederationUpdates.alreadyExists(identity, "Set-CsExternalAccessPolicy");
    }
    ExternalAccessPolicy created = apply(ExternalAccessPolicy.defaults(identity), args);
    FederationUpdates.update(
        deployment,
        "New-CsExternalAccessPolicy " + identity + " " + args.asMap(),
        f -> {
          List<ExternalAccessPolicy> all = new ArrayList<>(f.externalAccessPolicies());
          all.add(created);
          return f.withExternalAccessPolicies(all);
        });
    return CmdletOutput.of(describe(created));
  }

  private CmdletOutput set(CmdletArguments given) {
    CmdletArguments args = given.bind("Set-CsExternalAccessPolicy", SETTINGS);
    ExternalAccessPolicy existing =
        find(deployment.current(), args.identity().orElse(ExternalAccessPolicy.GLOBAL));
    FederationUpdates.update(
        deployment,
        "Set-CsExternalAccessPolicy " + existing.identity() + " " + args.asMap(),
        f -> f.withExternalAccessPolicy(existing.identity(), p -> apply(p, args)));
    return CmdletOutput.none();
  }

  private CmdletOutput remove(CmdletArguments given) {
    CmdletArguments args = given.bind("Remove-CsExternalAccessPolicy", "Force");
    ExternalAccessPolicy existing =
        find(deployment.current(), args.identity().orElse(ExternalAccessPolicy.GLOBAL));
    String id = existing.identity();
    if (id.equals(ExternalAccessPolicy.GLOBAL)) {
      // Removing Global resets it to the defaults, as Lync does.
      FederationUpdates.update(
          deployment,
          "Remove-CsExternalAccessPolicy Global",
          f -> f.withExternalAccessPolicy(id, p -> ExternalAccessPolicy.defaults(id)));
      return CmdletOutput.none();
    }
    deployment.update(
        "Remove-CsExternalAccessPolicy " + id,
        t ->
            t.withUsers(
                    t.users().stream()
                        .map(
                            u ->
                                u.externalAccessPolicy().equalsIgnoreCase(id)
                                    ? u.withExternalAccessPolicy("")
                                    : u)
                        .toList())
                .withFederation(
                    f ->
                        f.withExternalAccessPolicies(
                            f.externalAccessPolicies().stream()
                                .filter(p -> !p.identity().equals(id))
                                .toList())));
    return CmdletOutput.none();
  }

  private CmdletOutput grant(CmdletArguments given) {
    CmdletArguments args = given.bind("Grant-CsExternalAccessPolicy", "PolicyName");
    Topology topology = deployment.current();
    User user = UserCmdlets.resolve(topology, args.requireIdentity());
    String policy = "";
    if (args.get("PolicyName").isPresent()) {
      ExternalAccessPolicy found = find(topology, args.get("PolicyName").get());
      if (!found.identity().startsWith("Tag:")) {
        throw CmdletException.invalidArgument(
            "Only per-user (tag) policies can be granted; \""
                + found.identity()
                + "\" is not one.");
      }
      policy = found.identity();
    }
    String granted = policy;
    deployment.update(
        "Grant-CsExternalAccessPolicy "
            + user.sipAddress()
            + " "
            + (granted.isEmpty() ? "$null" : granted),
        t -> t.withUser(user.sipAddress(), u -> u.withExternalAccessPolicy(granted)));
    return CmdletOutput.none();
  }

  private static ExternalAccessPolicy find(Topology topology, String identity) {
    return topology
        .federation()
        .externalAccessPolicy(identity)
        .orElseThrow(() -> CmdletException.notFound(identity));
  }

  private static ExternalAccessPolicy apply(ExternalAccessPolicy p, CmdletArguments args) {
    return p.with(
        args.isNull("Description") ? "" : args.get("Description").orElse(null),
        args.bool("EnableFederationAccess").orElse(null),
        args.bool("EnableXmppAccess").orElse(null),
        args.bool("EnablePublicCloudAccess").orElse(null),
        args.bool("EnablePublicCloudAudioVideoAccess").orElse(null),
        args.bool("EnableOutsideAccess").orElse(null));
  }

  static PsObject describe(ExternalAccessPolicy p) {
    return PsObject.of(
            "Microsoft.Rtc.Management.WritableConfig.Policy.ExternalAccess.ExternalAccessPolicy")
        .put("Identity", p.identity())
        .put("Description", p.description().isEmpty() ? null : p.description())
        .put("EnableFederationAccess", p.enableFederationAccess())
        .put("EnableXmppAccess", p.enableXmppAccess())
        .put("EnablePublicCloudAccess", p.enablePublicCloudAccess())
        .put("EnablePublicCloudAudioVideoAccess", p.enablePublicCloudAudioVideoAccess())
        .put("EnableOutsideAccess", p.enableOutsideAccess())
        .build();
  }
}
