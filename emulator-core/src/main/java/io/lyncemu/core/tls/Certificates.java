package io.lyncemu.core.tls;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.RSAKeyGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Builds the RFC 5280 certificates of the local PKI. Keys are RSA 2048 signed with SHA-256: the one
 * combination every Lync-era client (Lync 2013 desktop, mobile, Windows Phone) and today's TLS
 * stacks all accept. Stateless, hence thread-safe.
 */
final class Certificates {
  /**
   * Used only as an argument to the signer builder, never registered with {@code Security}, so the
   * emulator does not change the JVM-wide provider list of the application embedding it. The
   * instance is never mutated after construction and is shared because building it is costly.
   */
  private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

  private static final String SIGNATURE_ALGORITHM = "SHA256withRSA";

  /**
   * Back-dates notBefore so a device whose clock runs a little behind still accepts a certificate
   * minted seconds ago.
   */
  private static final Duration CLOCK_SKEW_ALLOWANCE = Duration.ofHours(1);

  private Certificates() {}

  static KeyPair newKeyPair(SecureRandom random) throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4), random);
    return generator.generateKeyPair();
  }

  static X509Certificate selfSignedCa(
      KeyPair keyPair, X500Principal subject, Instant now, Instant notAfter, SecureRandom random)
      throws GeneralSecurityException {
    JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
    X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            subject,
            serialNumber(random),
            Date.from(now.minus(CLOCK_SKEW_ALLOWANCE)),
            Date.from(notAfter),
            subject,
            keyPair.getPublic());
    try {
      builder
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
          .addExtension(
              Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
          .addExtension(
              Extension.subjectKeyIdentifier,
              false,
              extensions.createSubjectKeyIdentifier(keyPair.getPublic()))
          // Optional for a self-signed CA (RFC 5280 4.2.1.1) but some validators look for it.
          .addExtension(
              Extension.authorityKeyIdentifier,
              false,
              extensions.createAuthorityKeyIdentifier(keyPair.getPublic()));
    } catch (IOException e) {
      throw new GeneralSecurityException("Cannot encode CA certificate extensions", e);
    }
    return sign(builder, keyPair.getPrivate());
  }

  static X509Certificate server(
      PrivateKey caKey,
      X509Certificate caCertificate,
      KeyPair keyPair,
      SubjectAltNames names,
      Instant now,
      Instant notAfter,
      SecureRandom random)
      throws GeneralSecurityException {
    JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
    X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            caCertificate,
            serialNumber(random),
            Date.from(now.minus(CLOCK_SKEW_ALLOWANCE)),
            Date.from(notAfter),
            serverSubject(names),
            keyPair.getPublic());
    try {
      builder
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
          // keyEncipherment keeps RSA key exchange possible for old TLS 1.0 Lync 2013 clients.
          .addExtension(
              Extension.keyUsage,
              true,
              new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
          // clientAuth as well: the edge's federation and server-to-server links are mutual TLS.
          .addExtension(
              Extension.extendedKeyUsage,
              false,
              new ExtendedKeyUsage(
                  new KeyPurposeId[] {
                    KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth
                  }))
          .addExtension(Extension.subjectAlternativeName, false, generalNames(names))
          .addExtension(
              Extension.subjectKeyIdentifier,
              false,
              extensions.createSubjectKeyIdentifier(keyPair.getPublic()))
          .addExtension(
              Extension.authorityKeyIdentifier,
              false,
              extensions.createAuthorityKeyIdentifier(caCertificate));
    } catch (IOException e) {
      throw new GeneralSecurityException("Cannot encode server certificate extensions", e);
    }
    return sign(builder, caKey);
  }

  static X500Principal serverSubject(SubjectAltNames names) {
    // No escaping needed: SubjectAltNames admits only host-name characters.
    return new X500Principal("CN=" + names.commonName());
  }

  static String pem(X509Certificate certificate) throws GeneralSecurityException {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(certificate.getEncoded());
    return "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n";
  }

  static String sha256Fingerprint(X509Certificate certificate) throws GeneralSecurityException {
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
    return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
  }

  private static GeneralNames generalNames(SubjectAltNames names) {
    List<GeneralName> entries = new ArrayList<>();
    for (String dnsName : names.dnsNames()) {
      entries.add(new GeneralName(GeneralName.dNSName, dnsName));
    }
    for (InetAddress address : names.ipAddresses()) {
      entries.add(new GeneralName(GeneralName.iPAddress, new DEROctetString(address.getAddress())));
    }
    return new GeneralNames(entries.toArray(new GeneralName[0]));
  }

  /** Positive, at most 20 octets and unpredictable, as RFC 5280 4.1.2.2 asks. */
  private static BigInteger serialNumber(SecureRandom random) {
    return new BigInteger(159, random).add(BigInteger.ONE);
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signingKey)
      throws GeneralSecurityException {
    try {
      // The converter deliberately uses the JDK's X.509 factory so that KeyStore and JSSE see
      // plain JDK certificate objects.
      return new JcaX509CertificateConverter()
          .getCertificate(
              builder.build(
                  new JcaContentSignerBuilder(SIGNATURE_ALGORITHM)
                      .setProvider(BOUNCY_CASTLE)
                      .build(signingKey)));
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException("Cannot create a " + SIGNATURE_ALGORITHM + " signer", e);
    }
  }
}
