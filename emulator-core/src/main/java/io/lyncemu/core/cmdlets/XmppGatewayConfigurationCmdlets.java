package io.lyncemu.core.cmdlets;

import io.lyncemu.core.federation.XmppGatewayConfiguration;
import io.lyncemu.core.management.Cmdlet;
import io.lyncemu.core.management.CmdletArguments;
import io.lyncemu.core.management.CmdletException;
import io.lyncemu.core.management.CmdletOutput;
import io.lyncemu.core.management.PsObject;
import io.lyncemu.core.management.SimpleCmdlet;
import io.lyncemu.core.topology.Deployment;
import java.util.List;

/**
 * Get-/Set-CsXmppGatewayConfiguration, global scope only as in Lync. Get shows the
 * DialbackPassphrase as Lync does; the journal never records it (CmdletRegistry masks passphrases).
 */
public final class XmppGatewayConfigurationCmdlets {
  private static final String[] SETTINGS = {
    "ConnectionLimit",
    "DialbackPassphrase",
    "EnableLoggingAllMessageBodies",
    "KeepAliveInterval",
    "PartnerConnectionLimit",
    "StreamEstablishmentTimeout",
    "StreamInactivityTimeout",
    "SubscriptionRefreshInterval",
    "Force"
  };
  private final Deployment deployment;

  public XmppGatewayConfigurationCmdlets(Deployment deployment) {
    this.deployment = deployment;
  }

  public List<Cmdlet> all() {
    return List.of(
        new SimpleCmdlet(
            "Get-CsXmppGatewayConfiguration",
            "Returns the XMPP gateway and proxy settings.",
            this::get),
        new SimpleCmdlet(
            "Set-CsXmppGatewayConfiguration",
            "Changes the XMPP gateway and proxy settings (global scope only).",
            this::set));
  }

  private CmdletOutput get(CmdletArguments given) {
    CmdletArguments args = given.bind("Get-CsXmppGatewayConfiguration", "Filter", "LocalStore");
    args.identity().ifPresent(XmppGatewayConfigurationCmdlets::requireGlobal);
    return CmdletOutput.of(describe(deployment.current().federation().xmppGateway()));
  }

  private CmdletOutput set(CmdletArguments given) {
    CmdletArguments args = given.bind("Set-CsXmppGatewayConfiguration", SETTINGS);
    args.identity().ifPresent(XmppGatewayConfigurationCmdlets::requireGlobal);
    XmppGatewayConfiguration g = deployment.current().federation().xmppGateway();
    XmppGatewayConfiguration changed;
    try {
      changed =
          new XmppGatewayConfiguration(
              g.identity(),
              number(args, "ConnectionLimit", g.connectionLimit()),
              args.isNull("DialbackPassphrase")
                  ? ""
                  : args.get("DialbackPassphrase").orElse(g.dialbackPassphrase()),
              args.bool("EnableLoggingAllMessageBodies").orElse(g.enableLoggingAllMessageBodies()),
              number(args, "KeepAliveInterval", g.keepAliveInterval()),
              number(args, "PartnerConnectionLimit", g.partnerConnectionLimit()),
              number(args, "StreamEstablishmentTimeout", g.streamEstablishmentTimeout()),
              number(args, "StreamInactivityTimeout", g.streamInactivityTimeout()),
              number(args, "SubscriptionRefreshInterval", g.subscriptionRefreshInterval()));
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw CmdletException.invalidArgument(e.getMessage());
    }
    // The description reaches the journal: name the changed settings, never the passphrase.
    FederationUpdates.update(
        deployment,
        "Set-CsXmppGatewayConfiguration " + args.asMap().keySet(),
        f -> f.withXmppGateway(changed));
    return CmdletOutput.none();
  }

  private static int number(CmdletArguments args, String name, int current) {
    return args.integer(name).map(Math::toIntExact).orElse(current);
  }

  private static void requireGlobal(String identity) {
    if (!identity.equalsIgnoreCase("Global")) {
      throw CmdletException.invalidArgument(
          "XMPP gateway configuration can only be set at the global scope.");
    }
  }

  static PsObject describe(XmppGatewayConfiguration g) {
    return PsObject.of(
            "Microsoft.Rtc.Management.WritableConfig.Settings.XmppGateway.XmppGatewaySettings")
        .put("Identity", g.identity())
        .put("ConnectionLimit", g.connectionLimit())
        .put("DialbackPassphrase", g.dialbackPassphrase().isEmpty() ? null : g.dialbackPassphrase())
        .put("EnableLoggingAllMessageBodies", g.enableLoggingAllMessageBodies())
        .put("KeepAliveInterval", g.keepAliveInterval())
        .put("PartnerConnectionLimit", g.partnerConnectionLimit())
        .put("StreamEstablishmentTimeout", g.streamEstablishmentTimeout())
        .put("StreamInactivityTimeout", g.streamInactivityTimeout())
        .put("SubscriptionRefreshInterval", g.subscriptionRefreshInterval())
        .build();
  }
}
