package io.lyncemu.core.cmdlets;

import io.lyncemu.core.federation.Federation;
import io.lyncemu.core.management.CmdletException;
import io.lyncemu.core.topology.Deployment;
import io.lyncemu.core.topology.TopologyException;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * What the federation cmdlets share: applying a change to {@code Topology.federation()} so that the
 * records' own checks (uniqueness of hosting providers, FQDN syntax…) surface as PowerShell-style
 * errors with the records' messages, and small value helpers.
 */
final class FederationUpdates {
  private FederationUpdates() {}

  /**
   * Applies {@code change} to the live federation settings. Build new records inside {@code
   * change}: their validation then fails the update and leaves the deployment as it was.
   */
  static void update(Deployment deployment, String description, UnaryOperator<Federation> change) {
    try {
      deployment.update(description, t -> t.withFederation(change));
    } catch (TopologyException invalid) {
      throw new CmdletException("InvalidOperation", invalid.getMessage());
    }
  }

  /** {@code a.com,b.com}, {@code @("a.com","b.com")} or {@code $null} as a list of domains. */
  static List<String> list(String value) {
    String v = value.trim();
    if (v.startsWith("@(") && v.endsWith(")")) {
      v = v.substring(2, v.length() - 1);
    }
    return java.util.Arrays.stream(v.split(","))
        .map(s -> s.trim().replace("\"", "").replace("'", "").toLowerCase(Locale.ROOT))
        .filter(s -> !s.isEmpty())
        .toList();
  }

  /** Drops a scope prefix as Get-CsUser prints granted policies: {@code Tag:FedPic} → FedPic. */
  static String shortName(String identity) {
    int colon = identity.indexOf(':');
    return colon < 0 ? identity : identity.substring(colon + 1);
  }

  static CmdletException alreadyExists(String identity, String setCmdlet) {
    return new CmdletException(
        "InvalidOperation",
        "Cannot create \""
            + identity
            + "\" because it already exists. Use "
            + setCmdlet
            + " to change it.");
  }
}
