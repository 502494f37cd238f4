package io.lyncemu.core.cmdlets;

import io.lyncemu.core.management.Cmdlet;
import io.lyncemu.core.management.CmdletArguments;
import io.lyncemu.core.management.CmdletException;
import io.lyncemu.core.management.CmdletOutput;
import io.lyncemu.core.management.PsObject;
import io.lyncemu.core.management.SimpleCmdlet;
import io.lyncemu.core.topology.Deployment;
import io.lyncemu.core.topology.McxConfiguration;
import io.lyncemu.core.topology.WebServiceConfiguration;
import io.lyncemu.core.topology.WindowsAuth;
import java.util.List;

/** Get-/Set-CsWebServiceConfiguration and Get-/Set-CsMcxConfiguration. */
public final class ConfigurationCmdlets {
  private final Deployment deployment;

  public ConfigurationCmdlets(Deployment deployment) {
    this.deployment = deployment;
  }

  public List<Cmdlet> all() {
    return List.of(
        new SimpleCmdlet(
            "Get-CsWebServiceConfiguration",
            "Returns the web service configuration.",
            args -> {
              args.allow("Get-CsWebServiceConfiguration");
              return CmdletOutput.of(describe(deployment.current().webService()));
            }),
        new SimpleCmdlet(
            "Set-CsWebServiceConfiguration",
            "Changes the web service configuration.",
            this::setWeb),
        new SimpleCmdlet(
            "Get-CsMcxConfiguration",
            "Returns the Mobility Service configuration.",
            args -> {
              args.allow("Get-CsMcxConfiguration");
              return CmdletOutput.of(describe(deployment.current().mcx()));
            }),
        new SimpleCmdlet(
            "Set-CsMcxConfiguration", "Changes the Mobility Service configuration.", this::setMcx));
  }

  private CmdletOutput setWeb(CmdletArguments args) {
    args.allow(
        "Set-CsWebServiceConfiguration",
        "UseWindowsAuth",
        "MobilePreferredAuthType",
        "ServerHeader");
    deployment.update(
        "Set-CsWebServiceConfiguration " + args.asMap(),
        t -> {
          WebServiceConfiguration web = t.webService();
          if (args.get("UseWindowsAuth").isPresent()) {
            try {
              web = web.withUseWindowsAuth(WindowsAuth.parse(args.get("UseWindowsAuth").get()));
            } catch (IllegalArgumentException e) {
              throw CmdletException.invalidArgument(e.getMessage());
            }
          }
          if (args.get("MobilePreferredAuthType").isPresent()) {
            web = web.withMobilePreferredAuthType(args.get("MobilePreferredAuthType").get());
          }
          if (args.get("ServerHeader").isPresent()) {
            web = web.withServerHeader(args.get("ServerHeader").get());
          }
          return t.withWebService(web);
        });
    return CmdletOutput.none();
  }

  private CmdletOutput setMcx(CmdletArguments args) {
    args.allow(
        "Set-CsMcxConfiguration",
        "SessionExpirationInterval",
        "SessionShortExpirationInterval",
        "PushNotificationProxyUri",
        "ExposedWebURL");
    deployment.update(
        "Set-CsMcxConfiguration " + args.asMap(),
        t -> {
          McxConfiguration mcx = t.mcx();
          try {
            if (args.integer("SessionExpirationInterval").isPresent()) {
              mcx =
                  mcx.withSessionExpirationInterval(
                      args.integer("SessionExpirationInterval").get());
            }
            if (args.integer("SessionShortExpirationInterval").isPresent()) {
              mcx =
                  mcx.withSessionShortExpirationInterval(
                      args.integer("SessionShortExpirationInterval").get());
            }
          } catch (IllegalArgumentException e) {
            throw CmdletException.invalidArgument(e.getMessage());
          }
          if (args.get("PushNotificationProxyUri").isPresent()) {
            mcx = mcx.withPushNotificationProxyUri(args.get("PushNotificationProxyUri").get());
          }
          if (args.get("ExposedWebURL").isPresent()) {
            mcx = mcx.withExposedWebUrl(args.get("ExposedWebURL").get());
          }
          return t.withMcx(mcx);
        });
    return CmdletOutput.none();
  }

  static PsObject describe(WebServiceConfiguration web) {
    return PsObject.of(
            "Microsoft.Rtc.Management.WritableConfig.Settings.WebServices.WebServiceSettings")
        .put("Identity", web.identity())
        .put("TrustedCACerts", List.of())
        .put("UseCertificateAuth", web.useCertificateAuth())
        .put("UsePinAuth", web.usePinAuth())
        .put("UseDomainAuthInLWA", true)
        .put("UseWindowsAuth", web.useWindowsAuth().display())
        .put("AllowAnonymousAccessToLWAConference", true)
        .put("EnableMediaBasicAuth", false)
        .put("MobilePreferredAuthType", web.mobilePreferredAuthType())
        .put("HstsMaxAgeInSeconds", 315360000)
        .put("ServerHeader", web.serverHeader())
        .build();
  }

  static PsObject describe(McxConfiguration mcx) {
    return PsObject.of("Microsoft.Rtc.Management.WritableConfig.Settings.Mcx.McxConfiguration")
        .put("Identity", mcx.identity())
        .put("ExposedWebURL", mcx.exposedWebUrl())
        .put("SessionExpirationInterval", mcx.sessionExpirationInterval())
        .put("SessionShortExpirationInterval", mcx.sessionShortExpirationInterval())
        .put("PushNotificationProxyUri", mcx.pushNotificationProxyUri())
        .build();
  }
}
