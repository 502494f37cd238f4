package io.lyncemu.edge.sip;

import io.lyncemu.core.management.Cmdlet;
import io.lyncemu.core.management.CmdletArguments;
import io.lyncemu.core.management.CmdletException;
import io.lyncemu.core.management.CmdletOutput;
import io.lyncemu.core.management.PsObject;
import io.lyncemu.core.management.SimpleCmdlet;
import java.util.List;
import java.util.Locale;

/**
 * Emulator-only Set-/Get-CsEmulatorPartnerTransport: which partner edges (ProxyFqdn or SRV target)
 * the Access Edge dials over plain TCP instead of TLS, so that administrators and tests can put a
 * TLS-less partner such as Debian's SIPp behind a federated domain without Java. Lync federation is
 * always MTLS; there is no such setting in Lync. Not part of the topology, so clearing a scenario
 * does not undo it.
 *
 * <pre>
 * Set-CsEmulatorPartnerTransport -Fqdn sip.contoso.com -Transport Tcp
 * Get-CsEmulatorPartnerTransport [-Fqdn sip.contoso.com]
 * </pre>
 */
public final class PartnerTransportCmdlets {
  static final String TYPE = "LyncEmulator.PartnerTransport";
  private final PartnerTransports transports;

  public PartnerTransportCmdlets(PartnerTransports transports) {
    this.transports = transports;
  }

  public List<Cmdlet> all() {
    return List.of(
        new SimpleCmdlet(
            "Set-CsEmulatorPartnerTransport",
            "Emulator only: dials a federated partner's edge over Tcp (for SIPp) or Tls (the"
                + " default).",
            this::set),
        new SimpleCmdlet(
            "Get-CsEmulatorPartnerTransport",
            "Emulator only: shows which federated partner edges are dialled over Tcp.",
            this::get));
  }

  private CmdletOutput set(CmdletArguments args) {
    args.allow("Set-CsEmulatorPartnerTransport", "Fqdn", "Transport");
    String fqdn = fqdn(args.require("Fqdn"));
    String transport = args.require("Transport").toLowerCase(Locale.ROOT);
    switch (transport) {
      case "tcp" -> transports.useTcp(fqdn);
      case "tls" -> transports.useTls(fqdn);
      default ->
          throw CmdletException.invalidArgument(
              "Cannot validate argument on parameter 'Transport'. The argument \""
                  + args.require("Transport")
                  + "\" does not belong to the set \"Tls,Tcp\".");
    }
    return CmdletOutput.of(describe(fqdn));
  }

  private CmdletOutput get(CmdletArguments args) {
    args.allow("Get-CsEmulatorPartnerTransport", "Fqdn");
    if (args.get("Fqdn").isPresent()) {
      return CmdletOutput.of(describe(fqdn(args.get("Fqdn").get())));
    }
    return CmdletOutput.of(transports.tcpHosts().stream().map(this::describe).toList());
  }

  private PsObject describe(String fqdn) {
    return PsObject.of(TYPE)
        .put("Fqdn", fqdn)
        .put("Transport", transports.transportFor(fqdn).equals("tcp") ? "Tcp" : "Tls")
        .build();
  }

  private static String fqdn(String value) {
    String fqdn = value.strip().toLowerCase(Locale.ROOT);
    if (fqdn.isEmpty() || fqdn.contains(":") || fqdn.contains(" ")) {
      throw CmdletException.invalidArgument(
          "Cannot validate argument on parameter 'Fqdn'. \"" + value + "\" is not a host name.");
    }
    return fqdn;
  }
}
