package io.lyncemu.core.cmdlets;

import io.lyncemu.core.management.Cmdlet;
import io.lyncemu.core.management.CmdletArguments;
import io.lyncemu.core.management.CmdletException;
import io.lyncemu.core.management.CmdletOutput;
import io.lyncemu.core.management.PsObject;
import io.lyncemu.core.management.SimpleCmdlet;
import io.lyncemu.core.topology.Deployment;
import io.lyncemu.core.topology.Topology;
import io.lyncemu.core.topology.User;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Get-CsUser, Set-CsUser, and the Active Directory cmdlet Set-ADAccountPassword (the emulated
 * directory's passwords are what NTLM and UsernameToken logons are verified against).
 */
public final class UserCmdlets {
  private final Deployment deployment;

  public UserCmdlets(Deployment deployment) {
    this.deployment = deployment;
  }

  public List<Cmdlet> all() {
    return List.of(
        new SimpleCmdlet("Get-CsUser", "Returns Lync-enabled users.", this::get),
        new SimpleCmdlet(
            "Set-CsUser", "Enables or disables a user, or changes the display name.", this::set),
        new SimpleCmdlet(
            "Set-ADAccountPassword",
            "Changes a user's password in the emulated Active Directory.",
            this::setPassword));
  }

  private CmdletOutput get(CmdletArguments args) {
    args.allow("Get-CsUser", "Filter", "ResultSize");
    Topology topology = deployment.current();
    if (args.identity().isPresent()) {
      return CmdletOutput.of(describe(topology, resolve(topology, args.identity().get())));
    }
    return CmdletOutput.of(topology.users().stream().map(u -> describe(topology, u)).toList());
  }

  private CmdletOutput set(CmdletArguments args) {
    args.allow("Set-CsUser", "Enabled", "DisplayName");
    String identity =
        args.identity()
            .orElseThrow(
                () ->
                    CmdletException.invalidArgument(
                        "Cannot bind argument to parameter 'Identity' because it is null."));
    User user = resolve(deployment.current(), identity);
    deployment.update(
        "Set-CsUser " + user.sipAddress() + " " + args.asMap(),
        topology ->
            topology.withUser(
                user.sipAddress(),
                u -> {
                  User changed = u;
                  if (args.has("Enabled")) {
                    changed = changed.withEnabled(args.bool("Enabled").orElseThrow());
                  }
                  if (args.get("DisplayName").isPresent()) {
                    changed = changed.withDisplayName(args.get("DisplayName").get());
                  }
                  return changed;
                }));
    return CmdletOutput.none();
  }

  private CmdletOutput setPassword(CmdletArguments args) {
    args.allow("Set-ADAccountPassword", "NewPassword", "Reset");
    String identity =
        args.identity()
            .orElseThrow(
                () ->
                    CmdletException.invalidArgument(
                        "Cannot bind argument to parameter 'Identity' because it is null."));
    String password = args.require("NewPassword");
    User user = resolve(deployment.current(), identity);
    deployment.update(
        "Set-ADAccountPassword " + user.sipAddress(),
        topology -> topology.withUser(user.sipAddress(), u -> u.withPassword(password)));
    return CmdletOutput.none();
  }

  static User resolve(Topology topology, String identity) {
    return topology.findUser(identity).orElseThrow(() -> CmdletException.notFound(identity));
  }

  static PsObject describe(Topology topology, User user) {
    String domainComponents =
        Arrays.stream(topology.sipDomain().split("\\."))
            .map(part -> "DC=" + part)
            .collect(Collectors.joining(","));
    return PsObject.of("Microsoft.Rtc.Management.ADConnect.Schema.OCSADUser")
        .put("Identity", "CN=" + user.displayName() + ",CN=Users," + domainComponents)
        .put("VoicePolicy", null)
        .put("ConferencingPolicy", null)
        .put("PresencePolicy", null)
        .put("DialPlan", null)
        .put("LocationPolicy", null)
        .put("ClientPolicy", null)
        .put("ClientVersionPolicy", null)
        .put("ArchivingPolicy", null)
        .put("ExchangeArchivingPolicy", null)
        .put("PinPolicy", null)
        .put(
            "ExternalAccessPolicy",
            user.externalAccessPolicy().isEmpty() ? null : shortName(user.externalAccessPolicy()))
        .put(
            "MobilityPolicy",
            user.mobilityPolicy().isEmpty() ? null : shortName(user.mobilityPolicy()))
        .put("PersistentChatPolicy", null)
        .put("UserServicesPolicy", null)
        .put("HostedVoiceMail", null)
        .put("HostedVoicemailPolicy", null)
        .put("HostingProvider", "SRV:")
        .put("RegistrarPool", topology.homePool(user).fqdn())
        .put("Enabled", user.isEnabled())
        .put("SipAddress", user.sipAddress())
        .put("LineURI", null)
        .put("EnterpriseVoiceEnabled", false)
        .put("ExUmEnabled", false)
        .put(
            "HomeServer",
            "CN=Lc Services,CN=Microsoft,CN=1:1,CN=Pools,CN=RTC Service,CN=Services,CN=Configuration,"
                + domainComponents)
        .put("DisplayName", user.displayName())
        .put("SamAccountName", user.samAccountName())
        .put(
            "UserPrincipalName",
            user.samAccountName().toLowerCase(Locale.ROOT) + "@" + topology.sipDomain())
        .build();
  }

  private static String shortName(String identity) {
    int colon = identity.indexOf(':');
    return colon < 0 ? identity : identity.substring(colon + 1);
  }
}
