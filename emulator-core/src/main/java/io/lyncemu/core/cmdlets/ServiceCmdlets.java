package io.lyncemu.core.cmdlets;

import io.lyncemu.core.management.Cmdlet;
import io.lyncemu.core.management.CmdletArguments;
import io.lyncemu.core.management.CmdletException;
import io.lyncemu.core.management.CmdletOutput;
import io.lyncemu.core.management.PsObject;
import io.lyncemu.core.management.SimpleCmdlet;
import io.lyncemu.core.services.EmulatedWindowsService;
import io.lyncemu.core.services.WindowsServices;
import io.lyncemu.core.topology.Deployment;
import io.lyncemu.core.topology.Pool;
import io.lyncemu.core.topology.Topology;
import java.util.ArrayList;
import java.util.List;

/**
 * Get-CsService (server roles), Get-CsWindowsService, Stop-CsWindowsService,
 * Start-CsWindowsService.
 */
public final class ServiceCmdlets {
  private final Deployment deployment;
  private final WindowsServices services;

  public ServiceCmdlets(Deployment deployment, WindowsServices services) {
    this.deployment = deployment;
    this.services = services;
  }

  public List<Cmdlet> all() {
    return List.of(
        new SimpleCmdlet("Get-CsService", "Returns the server roles of the topology.", this::roles),
        new SimpleCmdlet(
            "Get-CsWindowsService",
            "Returns the emulated Windows services and their status.",
            this::list),
        new SimpleCmdlet(
            "Stop-CsWindowsService",
            "Stops an emulated Windows service.",
            args -> control(args, false)),
        new SimpleCmdlet(
            "Start-CsWindowsService",
            "Starts an emulated Windows service.",
            args -> control(args, true)));
  }

  private CmdletOutput roles(CmdletArguments args) {
    args.allow("Get-CsService", "Registrar", "WebServer", "EdgeServer");
    Topology topology = deployment.current();
    List<PsObject> roles = new ArrayList<>();
    for (Pool pool : topology.pools()) {
      roles.add(role("Registrar:" + pool.fqdn(), pool.fqdn(), pool.site(), "Registrar"));
      roles.add(role("WebServer:" + pool.fqdn(), pool.fqdn(), pool.site(), "WebServer"));
    }
    roles.add(
        role(
            "EdgeServer:" + topology.edge().internalFqdn(),
            topology.edge().internalFqdn(),
            topology.primaryPool().site(),
            "EdgeServer"));
    String filter =
        args.has("Registrar")
            ? "Registrar"
            : args.has("WebServer") ? "WebServer" : args.has("EdgeServer") ? "EdgeServer" : "";
    return CmdletOutput.of(
        roles.stream().filter(r -> filter.isEmpty() || filter.equals(r.get("Role"))).toList());
  }

  private static PsObject role(String identity, String fqdn, String site, String role) {
    return PsObject.of("Microsoft.Rtc.Management.Xds.DisplayService")
        .put("Identity", identity)
        .put("ServiceId", site.replace("Site:", "1-") + "-" + role)
        .put("SiteId", site)
        .put("PoolFqdn", fqdn)
        .put("Version", 6)
        .put("Role", role)
        .build();
  }

  private CmdletOutput list(CmdletArguments args) {
    args.allow("Get-CsWindowsService", "Name", "ComputerName");
    List<EmulatedWindowsService> all =
        args.get("Name")
            .map(n -> List.of(services.find(n).orElseThrow(() -> CmdletException.notFound(n))))
            .orElse(services.list());
    return CmdletOutput.of(all.stream().map(ServiceCmdlets::describe).toList());
  }

  private CmdletOutput control(CmdletArguments args, boolean start) {
    args.allow(
        start ? "Start-CsWindowsService" : "Stop-CsWindowsService",
        "Name",
        "ComputerName",
        "Graceful",
        "NoWait");
    String name =
        args.get("Name")
            .or(args::identity)
            .orElseThrow(
                () ->
                    CmdletException.invalidArgument(
                        "Cannot bind argument to parameter 'Name' because it is null."));
    EmulatedWindowsService service = start ? services.start(name) : services.stop(name);
    return CmdletOutput.of(describe(service));
  }

  static PsObject describe(EmulatedWindowsService service) {
    return PsObject.of("Microsoft.Rtc.Management.Deployment.WindowsService")
        .put("Status", service.status())
        .put("Name", service.name())
        .put("DisplayName", service.displayName())
        .put("Role", service.role())
        .build();
  }
}
