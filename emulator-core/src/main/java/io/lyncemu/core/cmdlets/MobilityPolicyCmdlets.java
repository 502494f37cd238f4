package io.lyncemu.core.cmdlets;

import io.lyncemu.core.management.Cmdlet;
import io.lyncemu.core.management.CmdletArguments;
import io.lyncemu.core.management.CmdletException;
import io.lyncemu.core.management.CmdletOutput;
import io.lyncemu.core.management.PsObject;
import io.lyncemu.core.management.SimpleCmdlet;
import io.lyncemu.core.topology.Deployment;
import io.lyncemu.core.topology.MobilityPolicy;
import io.lyncemu.core.topology.Topology;
import io.lyncemu.core.topology.User;
import java.util.ArrayList;
import java.util.List;

/** Get-, Set-, New-, Remove- and Grant-CsMobilityPolicy. */
public final class MobilityPolicyCmdlets {
  private static final String[] SETTINGS = {
    "EnableMobility",
    "EnableOutsideVoice",
    "EnableIPAudioVideo",
    "RequireWIFIForIPAudio",
    "RequireWIFIForIPVideo",
    "EnablePushNotifications",
    "Description"
  };
  private final Deployment deployment;

  public MobilityPolicyCmdlets(Deployment deployment) {
    this.deployment = deployment;
  }

  public List<Cmdlet> all() {
    return List.of(
        new SimpleCmdlet("Get-CsMobilityPolicy", "Returns mobility policies.", this::get),
        new SimpleCmdlet("Set-CsMobilityPolicy", "Changes a mobility policy.", this::set),
        new SimpleCmdlet("New-CsMobilityPolicy", "Creates a mobility policy.", this::create),
        new SimpleCmdlet("Remove-CsMobilityPolicy", "Removes a mobility policy.", this::remove),
        new SimpleCmdlet(
            "Grant-CsMobilityPolicy", "Assigns a per-user mobility policy.", this::grant));
  }

  private CmdletOutput get(CmdletArguments args) {
    args.allow("Get-CsMobilityPolicy", "Filter");
    Topology topology = deployment.current();
    if (args.identity().isPresent()) {
      return CmdletOutput.of(describe(find(topology, args.identity().get())));
    }
    return CmdletOutput.of(
        topology.mobilityPolicies().stream().map(MobilityPolicyCmdlets::describe).toList());
  }

  private CmdletOutput set(CmdletArguments args) {
    args.allow("Set-CsMobilityPolicy", SETTINGS);
    String identity = args.identity().orElse(MobilityPolicy.GLOBAL);
    MobilityPolicy existing = find(deployment.current(), identity);
    MobilityPolicy changed = apply(existing, args);
    deployment.update(
        "Set-CsMobilityPolicy " + existing.identity() + " " + args.asMap(),
        t -> t.withMobilityPolicies(replace(t.mobilityPolicies(), changed)));
    return CmdletOutput.none();
  }

  private CmdletOutput create(CmdletArguments args) {
    args.allow("New-CsMobilityPolicy", SETTINGS);
    String identity =
        MobilityPolicy.canonicalIdentity(
            args.identity()
                .orElseThrow(
                    () ->
                        CmdletException.invalidArgument(
                            "Cannot bind argument to parameter 'Identity' because it is null.")));
    if (deployment.current().findMobilityPolicy(identity).isPresent()) {
      throw new CmdletException(
          "InvalidOperation",
          "Cannot create \""
              + identity
              + "\" because it already exists. Use Set-CsMobilityPolicy to change it.");
    }
    MobilityPolicy created = apply(MobilityPolicy.defaults(identity), args);
    deployment.update(
        "New-CsMobilityPolicy " + identity,
        t -> {
          List<MobilityPolicy> all = new ArrayList<>(t.mobilityPolicies());
          all.add(created);
          return t.withMobilityPolicies(all);
        });
    return CmdletOutput.of(describe(created));
  }

  private CmdletOutput remove(CmdletArguments args) {
    args.allow("Remove-CsMobilityPolicy", "Force");
    MobilityPolicy existing =
        find(deployment.current(), args.identity().orElse(MobilityPolicy.GLOBAL));
    deployment.update(
        "Remove-CsMobilityPolicy " + existing.identity(),
        t -> {
          if (existing.identity().equals(MobilityPolicy.GLOBAL)) {
            // Removing Global resets it to the defaults, as Lync does.
            return t.withMobilityPolicies(
                replace(t.mobilityPolicies(), MobilityPolicy.defaults(MobilityPolicy.GLOBAL)));
          }
          List<User> users =
              t.users().stream()
                  .map(
                      u ->
                          u.mobilityPolicy().equalsIgnoreCase(existing.identity())
                              ? u.withMobilityPolicy("")
                              : u)
                  .toList();
          return t.withUsers(users)
              .withMobilityPolicies(
                  t.mobilityPolicies().stream()
                      .filter(p -> !p.identity().equals(existing.identity()))
                      .toList());
        });
    return CmdletOutput.none();
  }

  private CmdletOutput grant(CmdletArguments args) {
    args.allow("Grant-CsMobilityPolicy", "PolicyName");
    Topology topology = deployment.current();
    User user =
        UserCmdlets.resolve(
            topology,
            args.identity()
                .orElseThrow(
                    () ->
                        CmdletException.invalidArgument(
                            "Cannot bind argument to parameter 'Identity' because it is null.")));
    String policy;
    if (args.isNull("PolicyName") || args.get("PolicyName").isEmpty()) {
      policy = "";
    } else {
      MobilityPolicy found = find(topology, args.get("PolicyName").get());
      if (!found.identity().startsWith("Tag:")) {
        throw CmdletException.invalidArgument(
            "Only per-user (tag) policies can be granted; \""
                + found.identity()
                + "\" is not one.");
      }
      policy = found.identity();
    }
    deployment.update(
        "Grant-CsMobilityPolicy " + user.sipAddress() + " " + (policy.isEmpty() ? "$null" : policy),
        t -> t.withUser(user.sipAddress(), u -> u.withMobilityPolicy(policy)));
    return CmdletOutput.none();
  }

  private static MobilityPolicy find(Topology topology, String identity) {
    return topology
        .findMobilityPolicy(identity)
        .orElseThrow(() -> CmdletException.notFound(identity));
  }

  private static List<MobilityPolicy> replace(List<MobilityPolicy> all, MobilityPolicy changed) {
    return all.stream().map(p -> p.identity().equals(changed.identity()) ? changed : p).toList();
  }

  private static MobilityPolicy apply(MobilityPolicy p, CmdletArguments args) {
    return new MobilityPolicy(
        p.identity(),
        args.bool("EnableMobility").orElse(p.enableMobility()),
        args.bool("EnableOutsideVoice").orElse(p.enableOutsideVoice()),
        args.bool("EnableIPAudioVideo").orElse(p.enableIpAudioVideo()),
        args.bool("RequireWIFIForIPAudio").orElse(p.requireWifiForIpAudio()),
        args.bool("RequireWIFIForIPVideo").orElse(p.requireWifiForIpVideo()),
        args.bool("EnablePushNotifications").orElse(p.enablePushNotifications()));
  }

  static PsObject describe(MobilityPolicy p) {
    return PsObject.of("Microsoft.Rtc.Management.WritableConfig.Policy.Mobility.MobilityPolicy")
        .put("Identity", p.identity())
        .put("Description", null)
        .put("EnableOutsideVoice", p.enableOutsideVoice())
        .put("EnableMobility", p.enableMobility())
        .put("EnableIPAudioVideo", p.enableIpAudioVideo())
        .put("RequireWIFIForIPAudio", p.requireWifiForIpAudio())
        .put("RequireWIFIForIPVideo", p.requireWifiForIpVideo())
        .put("EnablePushNotifications", p.enablePushNotifications())
        .build();
  }
}
