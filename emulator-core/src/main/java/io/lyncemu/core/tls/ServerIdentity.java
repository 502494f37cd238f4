package io.lyncemu.core.tls;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A TLS server identity issued by the {@link LocalCertificateAuthority}: the private key, the
 * certificate chain (leaf first, then the CA) and the PKCS12 keystore that holds both, as stored in
 * {@code keyStoreFile}. Adapters that want a {@link KeyStore} (Jetty) or a key and chain (Netty)
 * take what they need; everything else calls {@link #serverContext()}.
 *
 * <p>Immutable apart from the {@link KeyStore} object, which callers must treat as read-only; under
 * that rule instances are safe to share between threads.
 *
 * @param name the file-safe label it was issued under, e.g. {@code web}
 * @param keyStore PKCS12 keystore with one private key entry under {@code alias}
 * @param password the keystore and key password ({@link
 *     LocalCertificateAuthority#KEYSTORE_PASSWORD})
 * @param alias the key entry's alias (equal to {@code name})
 * @param privateKey the server's private key
 * @param certificate the leaf certificate
 * @param chain leaf then CA certificate, as sent in the TLS Certificate message
 * @param keyStoreFile where the keystore is persisted
 */
public record ServerIdentity(
    String name,
    KeyStore keyStore,
    char[] password,
    String alias,
    PrivateKey privateKey,
    X509Certificate certificate,
    List<X509Certificate> chain,
    Path keyStoreFile) {

  public ServerIdentity {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(keyStore, "keyStore");
    password = Objects.requireNonNull(password, "password").clone();
    Objects.requireNonNull(alias, "alias");
    Objects.requireNonNull(privateKey, "privateKey");
    Objects.requireNonNull(certificate, "certificate");
    chain = List.copyOf(chain);
    Objects.requireNonNull(keyStoreFile, "keyStoreFile");
    if (chain.isEmpty() || !chain.get(0).equals(certificate)) {
      throw new IllegalArgumentException("chain must start with the leaf certificate");
    }
  }

  /** A copy, so no caller can blank the password for everyone else. */
  @Override
  public char[] password() {
    return password.clone();
  }

  /**
   * A new server-side {@link SSLContext} whose key manager presents this identity's chain. The
   * context itself is thread-safe; create it once per listener rather than per connection.
   *
   * @throws TlsMaterialException if the keystore cannot back a key manager
   */
  public SSLContext serverContext() {
    try {
      KeyManagerFactory keyManagers =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keyManagers.init(keyStore, password);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers.getKeyManagers(), null, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new TlsMaterialException(
          keyStoreFile,
          "Cannot build a TLS server context from "
              + keyStoreFile
              + " ("
              + e
              + "); delete that file to have it reissued on the next start",
          e);
    }
  }

  /** Names the identity without printing key material into logs. */
  @Override
  public String toString() {
    return "ServerIdentity[name="
        + name
        + ", subject="
        + certificate.getSubjectX500Principal().getName()
        + ", serial="
        + certificate.getSerialNumber().toString(16)
        + ", notAfter="
        + certificate.getNotAfter().toInstant()
        + ", keyStoreFile="
        + keyStoreFile
        + "]";
  }
}
