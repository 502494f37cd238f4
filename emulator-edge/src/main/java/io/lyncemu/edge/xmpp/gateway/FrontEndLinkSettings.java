package io.lyncemu.edge.xmpp.gateway;

import io.lyncemu.core.tls.ServerIdentity;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the FE end of the 23456 link needs: the pool FQDN it speaks as, its CA-issued client
 * certificate, the CA it trusts, where an Edge FQDN's port 23456 really is ({@code edgeAddress},
 * empty while nothing listens there), and the reconnect backoff bounds.
 */
public record FrontEndLinkSettings(
    String poolFqdn,
    ServerIdentity identity,
    X509Certificate ca,
    Function<String, Optional<InetSocketAddress>> edgeAddress,
    Duration initialBackoff,
    Duration maxBackoff) {
  public FrontEndLinkSettings {
    Objects.requireNonNull(poolFqdn, "poolFqdn");
    Objects.requireNonNull(ca, "ca");
    Objects.requireNonNull(edgeAddress, "edgeAddress");
    initialBackoff = initialBackoff == null ? Duration.ofMillis(200) : initialBackoff;
    maxBackoff = maxBackoff == null ? Duration.ofSeconds(5) : maxBackoff;
  }
}
