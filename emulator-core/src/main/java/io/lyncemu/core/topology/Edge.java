package io.lyncemu.core.topology;

/** The Edge Server: its internal FQDN and the external Access Edge FQDN that partners dial. */
public record Edge(String internalFqdn, String accessEdgeFqdn) {
  public Edge {
    internalFqdn = Fqdns.require(internalFqdn, "edge internal-fqdn");
    accessEdgeFqdn = Fqdns.require(accessEdgeFqdn, "edge access-edge-fqdn");
  }
}
