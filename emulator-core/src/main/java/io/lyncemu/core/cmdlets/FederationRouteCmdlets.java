package io.lyncemu.core.cmdlets;

import io.lyncemu.core.management.Cmdlet;
import io.lyncemu.core.management.CmdletArguments;
import io.lyncemu.core.management.CmdletException;
import io.lyncemu.core.management.CmdletOutput;
import io.lyncemu.core.management.PsObject;
import io.lyncemu.core.management.SimpleCmdlet;
import io.lyncemu.core.topology.Deployment;
import io.lyncemu.core.topology.Topology;
import java.util.List;

/**
 * Emulator-defined Get-/Set-CsEmulatorFederationRoute. In Lync the site's SIP and XMPP federation
 * routes are assigned in Topology Builder and take effect with Publish-CsTopology; the emulator has
 * neither, so these cmdlets stand in for that step. The SIP route is always the deployment's one
 * Edge pool; the XMPP route is that pool or unassigned (then the FE XMPP gateway never connects to
 * the Edge on 23456, the symptom the XMPP troubleshooting steps describe).
 */
public final class FederationRouteCmdlets {
  private static final String NOT_ASSIGNED = "(not assigned)";
  private final Deployment deployment;

  public FederationRouteCmdlets(Deployment deployment) {
    this.deployment = deployment;
  }

  public List<Cmdlet> all() {
    return List.of(
        new SimpleCmdlet(
            "Get-CsEmulatorFederationRoute",
            "Emulator cmdlet: shows the site's SIP and XMPP federation routes (Topology Builder's"
                + " federation route assignment).",
            this::get),
        new SimpleCmdlet(
            "Set-CsEmulatorFederationRoute",
            "Emulator cmdlet: assigns (-Xmpp <Edge pool FQDN>) or removes (-Xmpp $null or"
                + " -ClearXmpp) the site's XMPP federation route, as Topology Builder plus"
                + " Publish-CsTopology would.",
            this::set));
  }

  private CmdletOutput get(CmdletArguments given) {
    given.bind("Get-CsEmulatorFederationRoute");
    return CmdletOutput.of(describe(deployment.current()));
  }

  private CmdletOutput set(CmdletArguments given) {
    CmdletArguments args = given.bind("Set-CsEmulatorFederationRoute", "Xmpp", "ClearXmpp");
    boolean clear = args.isNull("Xmpp") || args.bool("ClearXmpp").orElse(false);
    if (clear && args.get("Xmpp").isPresent()) {
      throw CmdletException.invalidArgument(
          "Parameter set cannot be resolved using the specified named parameters.");
    }
    if (!clear && args.get("Xmpp").isEmpty()) {
      throw CmdletException.invalidArgument(
          "Give -Xmpp <Edge pool FQDN> to assign the XMPP federation route, or -Xmpp $null to"
              + " remove it.");
    }
    String edgePool = deployment.current().edge().internalFqdn();
    String route = clear ? "" : args.get("Xmpp").get();
    if (!clear && !route.equalsIgnoreCase(edgePool)) {
      throw new CmdletException(
          "ObjectNotFound",
          "Cannot find an Edge pool \""
              + route
              + "\" in the topology. The Edge pool is \""
              + edgePool
              + "\".");
    }
    FederationUpdates.update(
        deployment,
        "Set-CsEmulatorFederationRoute -Xmpp " + (clear ? "$null" : edgePool),
        f -> f.withXmppFederationRoute(clear ? "" : edgePool));
    return CmdletOutput.none();
  }

  static PsObject describe(Topology t) {
    String xmpp = t.federation().xmppFederationRoute();
    return PsObject.of("LyncEmulator.FederationRoute")
        .put("Site", t.primaryPool().site())
        .put("XmppFederationRoute", xmpp.isBlank() ? NOT_ASSIGNED : xmpp)
        .put("SipFederationRoute", t.edge().internalFqdn())
        .build();
  }
}
