package io.lyncemu.mcx.webticket;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Self-signed RSA signing identities for tests; generated once per JVM because RSA is slow. */
final class TestKeys {
  record Identity(KeyPair keyPair, X509Certificate certificate) {}

  static final Identity POOL = create("CN=atl-cs-001.litwareinc.com");
  static final Identity OTHER = create("CN=impostor.example");

  private TestKeys() {}

  static SamlAssertionIssuer issuer(Identity id) {
    return new SamlAssertionIssuer(
        "https://atl-cs-001.litwareinc.com/WebTicket/WebTicketService.svc",
        id.keyPair(),
        id.certificate());
  }

  private static Identity create(String dn) {
    try {
      KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
      gen.initialize(2048);
      KeyPair kp = gen.generateKeyPair();
      Instant now = Instant.parse("2013-01-01T00:00:00Z");
      X500Name name = new X500Name(dn);
      X509Certificate cert =
          new JcaX509CertificateConverter()
              .getCertificate(
                  new JcaX509v3CertificateBuilder(
                          name,
                          BigInteger.valueOf(now.getEpochSecond()),
                          Date.from(now),
                          Date.from(now.plus(3650, ChronoUnit.DAYS)),
                          name,
                          kp.getPublic())
                      .build(new JcaContentSignerBuilder("SHA256withRSA").build(kp.getPrivate())));
      return new Identity(kp, cert);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
