package io.lyncemu.core.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.security.auth.x500.X500Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emulator's local certificate authority. Created on first start in a state directory and
 * reused afterwards, so that a device which imported {@link #pemFile()} once keeps trusting every
 * emulated host (front end, web services, lyncdiscover, edge) across restarts.
 *
 * <p>State directory layout:
 *
 * <ul>
 *   <li>{@value #CA_KEYSTORE_FILE}: CA key and certificate (PKCS12, owner-only where the file
 *       system has POSIX permissions);
 *   <li>{@value #CA_PEM_FILE}: the CA certificate for import into client trust stores;
 *   <li>{@code <name>.p12}: one keystore per {@linkplain #serverIdentity server identity}.
 * </ul>
 *
 * <p>All keystores use the fixed password {@value #KEYSTORE_PASSWORD}. That is deliberate: this is
 * a throw-away test CA whose keys protect nothing but an emulator, and a fixed password lets
 * developers open the files with {@code keytool} or {@code openssl}. Never trust this CA on a
 * device that also talks to production systems you care about.
 *
 * <p>Thread-safe. Instances hold no static mutable state, so emulators with different state
 * directories in one JVM are independent; emulators racing to create the same directory agree on
 * one CA (the first one written wins).
 */
public final class LocalCertificateAuthority {
  /** File name of the CA keystore inside the state directory. */
  public static final String CA_KEYSTORE_FILE = "lyncemu-ca.p12";

  /** File name of the exported CA certificate inside the state directory. */
  public static final String CA_PEM_FILE = "lyncemu-ca.pem";

  /** Password of every keystore this class writes; see the class comment for why it is fixed. */
  public static final String KEYSTORE_PASSWORD = "lyncemu";

  /** Subject common name of the CA certificate. */
  public static final String CA_COMMON_NAME = "Lync Emulator Local CA";

  /** A stored server certificate this close to expiry is reissued rather than reused. */
  public static final Duration RENEWAL_WINDOW = Duration.ofDays(30);

  static final String CA_ALIAS = "lyncemu-ca";

  private static final int CA_VALIDITY_YEARS = 10;

  /** Two years stays under the 825-day ceiling Apple platforms enforce even for private roots. */
  private static final int SERVER_VALIDITY_YEARS = 2;

  private static final Pattern IDENTITY_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

  private static final Logger LOG = LoggerFactory.getLogger(LocalCertificateAuthority.class);

  private final Path stateDir;
  private final Clock clock;
  private final SecureRandom random;
  private final PrivateKey caKey;
  private final X509Certificate caCertificate;
  private final Path pemFile;
  private final String caPem;
  private final SSLContext clientContext;

  /** Serialises issuing within this instance so one identity file is never written twice. */
  private final Object issueLock = new Object();

  private LocalCertificateAuthority(
      Path stateDir,
      Clock clock,
      SecureRandom random,
      PrivateKey caKey,
      X509Certificate caCertificate,
      Path pemFile,
      String caPem,
      SSLContext clientContext) {
    this.stateDir = stateDir;
    this.clock = clock;
    this.random = random;
    this.caKey = caKey;
    this.caCertificate = caCertificate;
    this.pemFile = pemFile;
    this.caPem = caPem;
    this.clientContext = clientContext;
  }

  /**
   * Loads the CA from {@code stateDir} ({@value #CA_KEYSTORE_FILE}, re-exporting {@value
   * #CA_PEM_FILE} if it is missing or stale) or, on first use, creates it: RSA 2048, CN {@value
   * #CA_COMMON_NAME}, valid ten years, basicConstraints CA:true (critical), keyUsage keyCertSign
   * and cRLSign (critical), subject and authority key identifiers. The directory is created if
   * missing.
   *
   * @param stateDir directory holding the emulator's TLS material
   * @param clock source of "now" for validity periods and renewal decisions
   * @throws TlsMaterialException if a stored file is unreadable, corrupt or expired, or the
   *     directory is not writable; the message names the file and the remedy
   */
  public static LocalCertificateAuthority openOrCreate(Path stateDir, Clock clock) {
    Objects.requireNonNull(stateDir, "stateDir");
    Objects.requireNonNull(clock, "clock");
    Path dir = stateDir.toAbsolutePath().normalize();
    StateFiles.createDirectory(dir);
    SecureRandom random = new SecureRandom();
    Path caFile = dir.resolve(CA_KEYSTORE_FILE);
    Path pemFile = dir.resolve(CA_PEM_FILE);

    KeyStore caStore = null;
    if (!Files.exists(caFile)) {
      caStore = createCaIfAbsent(caFile, clock.instant(), random);
    }
    if (caStore == null) {
      caStore = StateFiles.readKeyStore(caFile, password(), caRemedy(dir, pemFile));
    }
    PrivateKey caKey = privateKey(caStore, CA_ALIAS, caFile, caRemedy(dir, pemFile));
    X509Certificate caCertificate = leaf(caStore, CA_ALIAS, caFile, caRemedy(dir, pemFile));
    checkUsableCa(caCertificate, caFile, dir, pemFile, clock.instant());

    String caPem;
    try {
      caPem = Certificates.pem(caCertificate);
    } catch (GeneralSecurityException e) {
      throw new TlsMaterialException(
          caFile,
          "Cannot encode the CA certificate from "
              + caFile
              + " ("
              + e
              + "); "
              + caRemedy(dir, pemFile),
          e);
    }
    exportPem(pemFile, caPem);
    SSLContext clientContext = trustingOnly(caCertificate, caFile);
    LOG.info(
        "Local CA '{}' ready in {}; import {} on client devices (SHA-256 {})",
        caCertificate.getSubjectX500Principal().getName(),
        dir,
        pemFile,
        fingerprint(caCertificate));
    return new LocalCertificateAuthority(
        dir, clock, random, caKey, caCertificate, pemFile, caPem, clientContext);
  }

  /** The CA certificate (self-signed). */
  public X509Certificate certificate() {
    return caCertificate;
  }

  /** The exported CA certificate, {@value #CA_PEM_FILE} in the state directory. */
  public Path pemFile() {
    return pemFile;
  }

  /** The PEM text of the CA certificate, exactly as written to {@link #pemFile()}. */
  public String caPem() {
    return caPem;
  }

  /** SHA-256 fingerprint of the CA certificate ({@code AB:CD:...}) for users to compare. */
  public String sha256Fingerprint() {
    return fingerprint(caCertificate);
  }

  /** The directory holding this CA's files. */
  public Path stateDir() {
    return stateDir;
  }

  /**
   * Returns the server identity stored as {@code <name>.p12} if it was issued by this CA for
   * exactly these names (in any order, same first DNS name) and is valid for more than {@link
   * #RENEWAL_WINDOW}; otherwise issues a new one and stores it. New certificates are valid two
   * years (capped at the CA's expiry), carry every DNS name and IP address as a subjectAltName, CN
   * = the first DNS name, and EKU serverAuth plus clientAuth.
   *
   * @param name file-safe label such as {@code web} or {@code edge-external}
   * @param dnsNames host names, at least one; a leading {@code *.} wildcard label is allowed
   * @param ipAddresses IPv4/IPv6 literals such as {@code 127.0.0.1} or {@code ::1}; may be empty
   * @throws IllegalArgumentException if the label, a name or an address is malformed
   * @throws TlsMaterialException if the stored keystore is unreadable or corrupt, or cannot be
   *     written
   */
  public ServerIdentity serverIdentity(
      String name, List<String> dnsNames, List<String> ipAddresses) {
    Objects.requireNonNull(name, "name");
    if (!IDENTITY_NAME.matcher(name).matches() || name.equals(CA_ALIAS)) {
      throw new IllegalArgumentException(
          "Server identity name must be a file-safe label like 'web' or 'edge-external': '"
              + name
              + "'");
    }
    SubjectAltNames requested = SubjectAltNames.of(dnsNames, ipAddresses);
    Path file = stateDir.resolve(name + ".p12");
    synchronized (issueLock) {
      Instant now = clock.instant();
      if (Files.exists(file)) {
        ServerIdentity stored = load(name, file);
        String staleBecause = reasonToReissue(stored.certificate(), requested, now);
        if (staleBecause == null) {
          LOG.debug("Reusing {}", stored);
          return stored;
        }
        LOG.info("Reissuing server certificate {}: {}", file, staleBecause);
      }
      ServerIdentity issued = issue(name, file, requested, now);
      LOG.info(
          "Issued server certificate {} for {} {}",
          file,
          requested.dnsNames(),
          requested.ipAddresses());
      return issued;
    }
  }

  /**
   * A client {@link SSLContext} that trusts this CA and nothing else, for the emulator's own
   * clients (synthetic transactions, tests). Shared and thread-safe. Host-name verification is up
   * to the caller (set the endpoint identification algorithm to {@code HTTPS}).
   */
  public SSLContext clientContext() {
    return clientContext;
  }

  @Override
  public String toString() {
    return "LocalCertificateAuthority["
        + stateDir
        + ", serial="
        + caCertificate.getSerialNumber().toString(16)
        + "]";
  }

  private static KeyStore createCaIfAbsent(Path caFile, Instant now, SecureRandom random) {
    KeyStore store;
    byte[] encoded;
    try {
      KeyPair keyPair = Certificates.newKeyPair(random);
      Instant notAfter = now.atOffset(ZoneOffset.UTC).plusYears(CA_VALIDITY_YEARS).toInstant();
      X509Certificate certificate =
          Certificates.selfSignedCa(
              keyPair, new X500Principal("CN=" + CA_COMMON_NAME), now, notAfter, random);
      store = keyStoreWith(CA_ALIAS, keyPair.getPrivate(), List.of(certificate));
      encoded = StateFiles.encode(store, password());
    } catch (GeneralSecurityException e) {
      throw new TlsMaterialException(
          caFile,
          "Cannot create a local CA for "
              + caFile
              + " ("
              + e
              + "); check the JDK's security providers",
          e);
    }
    if (!StateFiles.publishIfAbsent(caFile, encoded, StateFiles.OWNER_ONLY)) {
      LOG.debug("Another emulator created {} first; using that CA", caFile);
      return null;
    }
    LOG.info("Created local CA {}", caFile);
    return store;
  }

  private static void checkUsableCa(
      X509Certificate certificate, Path caFile, Path dir, Path pemFile, Instant now) {
    if (certificate.getBasicConstraints() < 0) {
      throw new TlsMaterialException(
          caFile, caFile + " does not hold a CA certificate; " + caRemedy(dir, pemFile), null);
    }
    Instant notAfter = certificate.getNotAfter().toInstant();
    if (!now.isBefore(notAfter)) {
      throw new TlsMaterialException(
          caFile,
          "The local CA in " + caFile + " expired at " + notAfter + "; " + caRemedy(dir, pemFile),
          null);
    }
    if (now.plus(RENEWAL_WINDOW).isAfter(notAfter)) {
      LOG.warn(
          "The local CA in {} expires at {}; to renew, {}",
          caFile,
          notAfter,
          caRemedy(dir, pemFile));
    }
  }

  private static void exportPem(Path pemFile, String caPem) {
    byte[] wanted = caPem.getBytes(StandardCharsets.US_ASCII);
    if (Files.isRegularFile(pemFile)) {
      try {
        if (Arrays.equals(Files.readAllBytes(pemFile), wanted)) {
          return;
        }
      } catch (IOException e) {
        // Unreadable: fall through and rewrite it; a write failure is reported below.
      }
      LOG.info("Re-exporting {} to match the CA keystore", pemFile);
    }
    StateFiles.replace(pemFile, wanted, StateFiles.WORLD_READABLE);
  }

  private static SSLContext trustingOnly(X509Certificate caCertificate, Path caFile) {
    try {
      KeyStore trustStore = KeyStore.getInstance("PKCS12");
      trustStore.load(null, null);
      trustStore.setCertificateEntry(CA_ALIAS, caCertificate);
      TrustManagerFactory trustManagers = TrustManagerFactory.getInstance("PKIX");
      trustManagers.init(trustStore);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trustManagers.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new TlsMaterialException(
          caFile,
          "Cannot build a TLS client context trusting the CA in " + caFile + " (" + e + ")",
          e);
    }
  }

  private ServerIdentity load(String name, Path file) {
    String remedy = "delete " + file + " to have it reissued on the next start";
    char[] password = password();
    KeyStore store = StateFiles.readKeyStore(file, password, remedy);
    PrivateKey key = privateKey(store, name, file, remedy);
    X509Certificate leaf = leaf(store, name, file, remedy);
    // The chain is rebuilt from the live CA so it never carries a stale CA certificate.
    return new ServerIdentity(
        name, store, password, name, key, leaf, List.of(leaf, caCertificate), file);
  }

  /** Null if the stored certificate can be reused, otherwise a human-readable reason. */
  private String reasonToReissue(X509Certificate stored, SubjectAltNames requested, Instant now) {
    try {
      stored.verify(caCertificate.getPublicKey());
    } catch (GeneralSecurityException e) {
      return "it was not issued by the current local CA";
    }
    SubjectAltNames storedNames;
    try {
      storedNames = SubjectAltNames.of(stored);
    } catch (CertificateParsingException | IllegalArgumentException e) {
      return "its subjectAltName cannot be parsed";
    }
    if (!storedNames.sameSetAs(requested)
        || !stored.getSubjectX500Principal().equals(Certificates.serverSubject(requested))) {
      return "host names changed from " + storedNames + " to " + requested;
    }
    if (now.isBefore(stored.getNotBefore().toInstant())) {
      return "it is not valid yet (the clock moved backwards)";
    }
    if (!now.plus(RENEWAL_WINDOW).isBefore(stored.getNotAfter().toInstant())) {
      return "it expires at " + stored.getNotAfter().toInstant();
    }
    return null;
  }

  private ServerIdentity issue(String name, Path file, SubjectAltNames names, Instant now) {
    char[] password = password();
    KeyStore store;
    byte[] encoded;
    X509Certificate leaf;
    KeyPair keyPair;
    try {
      keyPair = Certificates.newKeyPair(random);
      Instant twoYears = now.atOffset(ZoneOffset.UTC).plusYears(SERVER_VALIDITY_YEARS).toInstant();
      Instant caNotAfter = caCertificate.getNotAfter().toInstant();
      // A leaf outliving its issuer would fail path validation early anyway; say so in the dates.
      Instant notAfter = twoYears.isBefore(caNotAfter) ? twoYears : caNotAfter;
      leaf = Certificates.server(caKey, caCertificate, keyPair, names, now, notAfter, random);
      store = keyStoreWith(name, keyPair.getPrivate(), List.of(leaf, caCertificate));
      encoded = StateFiles.encode(store, password);
    } catch (GeneralSecurityException e) {
      throw new TlsMaterialException(
          file,
          "Cannot issue server certificate "
              + file
              + " ("
              + e
              + "); check the JDK's security providers",
          e);
    }
    StateFiles.replace(file, encoded, StateFiles.OWNER_ONLY);
    return new ServerIdentity(
        name,
        store,
        password,
        name,
        keyPair.getPrivate(),
        leaf,
        List.of(leaf, caCertificate),
        file);
  }

  private static KeyStore keyStoreWith(String alias, PrivateKey key, List<X509Certificate> chain)
      throws GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try {
      store.load(null, null);
    } catch (IOException e) {
      throw new GeneralSecurityException("Cannot initialise an empty PKCS12 keystore", e);
    }
    store.setKeyEntry(alias, key, password(), chain.toArray(new Certificate[0]));
    return store;
  }

  private static PrivateKey privateKey(KeyStore store, String alias, Path file, String remedy) {
    try {
      Key key = store.getKey(alias, password());
      if (key instanceof PrivateKey privateKey) {
        return privateKey;
      }
    } catch (GeneralSecurityException e) {
      throw new TlsMaterialException(
          file,
          "Cannot read private key '" + alias + "' from " + file + " (" + e + "); " + remedy,
          e);
    }
    throw new TlsMaterialException(
        file,
        "TLS keystore " + file + " has no private key entry '" + alias + "'; " + remedy,
        null);
  }

  private static X509Certificate leaf(KeyStore store, String alias, Path file, String remedy) {
    try {
      Certificate[] chain = store.getCertificateChain(alias);
      if (chain != null && chain.length > 0 && chain[0] instanceof X509Certificate certificate) {
        return certificate;
      }
    } catch (GeneralSecurityException e) {
      throw new TlsMaterialException(
          file,
          "Cannot read certificate '" + alias + "' from " + file + " (" + e + "); " + remedy,
          e);
    }
    throw new TlsMaterialException(
        file,
        "TLS keystore " + file + " has no certificate chain for '" + alias + "'; " + remedy,
        null);
  }

  private static String caRemedy(Path dir, Path pemFile) {
    return "delete "
        + dir
        + " to regenerate the local CA and server certificates, then re-import "
        + pemFile
        + " on client devices";
  }

  private static String fingerprint(X509Certificate certificate) {
    try {
      return Certificates.sha256Fingerprint(certificate);
    } catch (GeneralSecurityException e) {
      // Only cosmetic: the fingerprint is informational, the certificate itself is fine.
      return "unavailable (" + e.getMessage() + ")";
    }
  }

  /** A fresh array each time: keystore APIs may hold on to, or clear, the array they are given. */
  private static char[] password() {
    return KEYSTORE_PASSWORD.toCharArray();
  }
}
