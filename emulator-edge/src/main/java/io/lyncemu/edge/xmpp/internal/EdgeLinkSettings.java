package io.lyncemu.edge.xmpp.internal;

import io.lyncemu.core.tls.ServerIdentity;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Objects;

/**
 * What the Edge's 23456 listener needs: where to bind ({@code port} 0 for ephemeral), the Edge
 * internal FQDN it answers as, its CA-issued internal certificate and the CA it trusts for client
 * certificates.
 */
public record EdgeLinkSettings(
    String bindHost,
    int port,
    String edgeFqdn,
    ServerIdentity identity,
    X509Certificate ca,
    Duration stopTimeout) {
  public EdgeLinkSettings {
    Objects.requireNonNull(bindHost, "bindHost");
    Objects.requireNonNull(edgeFqdn, "edgeFqdn");
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(ca, "ca");
    stopTimeout = stopTimeout == null ? Duration.ofSeconds(5) : stopTimeout;
  }
}
