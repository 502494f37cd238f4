package io.lyncemu.edge.xmpp;

import io.lyncemu.core.tls.EdgeIdentities;
import io.lyncemu.core.tls.LocalCertificateAuthority;
import io.lyncemu.core.tls.ServerIdentity;
import io.lyncemu.core.topology.Deployment;
import java.util.Objects;

/**
 * The Edge's certificates as the topology assigns them now. The external (Access Edge / XMPP)
 * certificate carries the names in {@code Edge.externalCertificateNames}; a listener calls {@link
 * #external()} when it starts and keeps what it got, so a certificate assigned later (by
 * Request-CsCertificate) is served only after Stop-/Start-CsWindowsService, as on a real Edge.
 */
public final class EdgeCertificates {
  public static final String EXTERNAL = EdgeIdentities.EXTERNAL;
  public static final String INTERNAL = EdgeIdentities.INTERNAL;

  private final LocalCertificateAuthority ca;
  private final Deployment deployment;

  public EdgeCertificates(LocalCertificateAuthority ca, Deployment deployment) {
    this.ca = Objects.requireNonNull(ca, "ca");
    this.deployment = Objects.requireNonNull(deployment, "deployment");
  }

  /** The external certificate for the currently assigned names (issued by the CA if new). */
  public ServerIdentity external() {
    return EdgeIdentities.external(ca, deployment.current());
  }

  /** The internal-interface certificate (23456) for the Edge internal FQDN. */
  public ServerIdentity internal() {
    return EdgeIdentities.internal(ca, deployment.current());
  }
}
