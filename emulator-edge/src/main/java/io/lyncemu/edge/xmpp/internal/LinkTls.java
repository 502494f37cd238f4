package io.lyncemu.edge.xmpp.internal;

import io.lyncemu.core.tls.ServerIdentity;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLException;

/**
 * Mutual TLS for the 23456 link: both ends present a certificate issued by the emulator's CA and
 * trust only that CA, as Lync's internal MTLS trusts only the enterprise CA. A client without a
 * certificate fails the handshake.
 */
public final class LinkTls {
  private LinkTls() {}

  public static SslContext server(ServerIdentity identity, X509Certificate ca) {
    try {
      return SslContextBuilder.forServer(
              identity.privateKey(), identity.chain().toArray(X509Certificate[]::new))
          .trustManager(ca)
          .clientAuth(ClientAuth.REQUIRE)
          .protocols("TLSv1.3", "TLSv1.2")
          .build();
    } catch (SSLException e) {
      throw new IllegalStateException("cannot build the 23456 server TLS context: " + e, e);
    }
  }

  /** {@code identity} null builds a client that presents no certificate (for tests of refusal). */
  public static SslContext client(ServerIdentity identity, X509Certificate ca) {
    try {
      SslContextBuilder builder = SslContextBuilder.forClient().trustManager(ca);
      if (identity != null) {
        builder.keyManager(identity.privateKey(), identity.chain().toArray(X509Certificate[]::new));
      }
      return builder.protocols("TLSv1.3", "TLSv1.2").build();
    } catch (SSLException e) {
      throw new IllegalStateException("cannot build the 23456 client TLS context: " + e, e);
    }
  }
}
