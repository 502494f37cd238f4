package io.lyncemu.core.tls;

import io.lyncemu.core.topology.Topology;
import java.util.List;

/**
 * The Edge's two certificates as the topology assigns them, in one place so that the cmdlets that
 * issue them (Request-CsCertificate) and the listeners that serve them (5269, 23456) ask the CA for
 * exactly the same names: the CA reissues whenever the names differ.
 */
public final class EdgeIdentities {
  /** The external Access Edge certificate (uses AccessEdgeExternal and XmppServer). */
  public static final String EXTERNAL = "edge-external";

  /** The internal-interface certificate (use Internal, the 23456 link). */
  public static final String INTERNAL = "edge-internal";

  /** Loopback literals, so that tests and local clients may dial the listeners by address. */
  private static final List<String> LOOPBACK = List.of("127.0.0.1", "::1");

  private EdgeIdentities() {}

  /** The certificate for {@code Edge.externalCertificateNames} (issued if new). */
  public static ServerIdentity external(LocalCertificateAuthority ca, Topology topology) {
    return ca.serverIdentity(EXTERNAL, topology.edge().externalCertificateNames(), LOOPBACK);
  }

  /** The certificate for the Edge internal FQDN (issued if new). */
  public static ServerIdentity internal(LocalCertificateAuthority ca, Topology topology) {
    return ca.serverIdentity(
        INTERNAL, List.of(topology.edge().internalFqdn(), "localhost"), LOOPBACK);
  }
}
