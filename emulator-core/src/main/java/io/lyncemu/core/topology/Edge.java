package io.lyncemu.core.topology;

import java.util.List;

/**
 * The Edge Server: its internal FQDN, the external Access Edge FQDN that partners dial, and the
 * names in the external Access Edge certificate's subject alternative names. Lync's docs require
 * the Access Edge FQDN and, for XMPP federation, the bare SIP domain; a topology that leaves the
 * list out gets both.
 */
public record Edge(
    String internalFqdn, String accessEdgeFqdn, List<String> externalCertificateNames) {
  public Edge {
    internalFqdn = Fqdns.require(internalFqdn, "edge internal-fqdn");
    accessEdgeFqdn = Fqdns.require(accessEdgeFqdn, "edge access-edge-fqdn");
    externalCertificateNames =
        externalCertificateNames == null
            ? List.of()
            : externalCertificateNames.stream()
                .map(n -> Fqdns.require(n, "edge external-certificate-names"))
                .distinct()
                .toList();
  }

  public Edge(String internalFqdn, String accessEdgeFqdn) {
    this(internalFqdn, accessEdgeFqdn, null);
  }

  Edge withDefaultCertificateNames(String sipDomain) {
    return externalCertificateNames.isEmpty()
        ? withExternalCertificateNames(List.of(accessEdgeFqdn, sipDomain))
        : this;
  }

  public Edge withExternalCertificateNames(List<String> names) {
    return new Edge(internalFqdn, accessEdgeFqdn, names);
  }
}
