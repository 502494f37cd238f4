package io.lyncemu.edge.xmpp.s2s;

import io.lyncemu.core.tls.ServerIdentity;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * TLS for s2s streams. The handshake itself never rejects a partner's certificate: XMPP decides
 * what a certificate is worth after the handshake (RFC 6120 §13.7.2, XEP-0178), so a partner with a
 * self-signed certificate still gets an encrypted stream and authenticates with dialback, as
 * Prosody with {@code s2s_secure_auth = false} does. A certificate counts as verified, and so
 * unlocks SASL EXTERNAL, only when the emulator CA issued it and it names the partner's domain.
 */
final class S2sTls {
  private final SslContext server;
  private final SslContext client;
  private final X509Certificate trustAnchor;
  private final Clock clock;

  S2sTls(ServerIdentity identity, X509Certificate trustAnchor, Clock clock) {
    this.trustAnchor = trustAnchor;
    this.clock = clock;
    X509Certificate[] chain = identity.chain().toArray(X509Certificate[]::new);
    try {
      // Ask for the partner's certificate (needed for SASL EXTERNAL), never insist on it.
      this.server =
          SslContextBuilder.forServer(identity.privateKey(), chain)
              .clientAuth(ClientAuth.OPTIONAL)
              .trustManager(InsecureTrustManagerFactory.INSTANCE)
              .build();
      // Present our certificate so partners can offer us SASL EXTERNAL.
      this.client =
          SslContextBuilder.forClient()
              .keyManager(identity.privateKey(), chain)
              .trustManager(InsecureTrustManagerFactory.INSTANCE)
              .build();
    } catch (SSLException e) {
      throw new IllegalStateException("cannot build the s2s TLS contexts from " + identity, e);
    }
  }

  SslContext server() {
    return server;
  }

  SslContext client() {
    return client;
  }

  /** Whether the partner's chain was issued by the emulator CA, is current, and names domain. */
  boolean verifiedFor(List<Certificate> chain, String domain) {
    if (chain == null || chain.isEmpty() || !(chain.get(0) instanceof X509Certificate leaf)) {
      return false;
    }
    try {
      leaf.verify(trustAnchor.getPublicKey());
      leaf.checkValidity(java.util.Date.from(clock.instant()));
    } catch (GeneralSecurityException e) {
      return false;
    }
    return names(leaf).contains(domain.toLowerCase(Locale.ROOT));
  }

  private static List<String> names(X509Certificate leaf) {
    try {
      Collection<List<?>> alternatives = leaf.getSubjectAlternativeNames();
      if (alternatives == null) {
        return List.of();
      }
      return alternatives.stream()
          .filter(a -> Integer.valueOf(2).equals(a.get(0))) // dNSName
          .map(a -> String.valueOf(a.get(1)).toLowerCase(Locale.ROOT))
          .toList();
    } catch (CertificateParsingException e) {
      return List.of();
    }
  }
}
