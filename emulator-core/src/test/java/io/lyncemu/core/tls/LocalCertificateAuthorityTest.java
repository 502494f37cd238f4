package io.lyncemu.core.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalCertificateAuthorityTest {
  private static final Instant START = Instant.parse("2025-03-01T09:00:00Z");
  private static final Clock CLOCK = Clock.fixed(START, ZoneOffset.UTC);
  private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
  private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
  private static final List<String> WEB_NAMES =
      List.of(
          "lyncdiscover.litwareinc.com",
          "lyncweb.litwareinc.com",
          "sip.litwareinc.com",
          "fe01.corp.litwareinc.com");

  @TempDir Path stateDir;

  @Test
  void createsCaKeystoreAndPemOnFirstUse() throws Exception {
    Path dir = stateDir.resolve("nested/state");

    LocalCertificateAuthority ca = LocalCertificateAuthority.openOrCreate(dir, CLOCK);

    assertThat(dir.resolve("lyncemu-ca.p12")).isRegularFile();
    assertThat(ca.pemFile()).isEqualTo(dir.resolve("lyncemu-ca.pem")).isRegularFile();
    assertThat(Files.readString(ca.pemFile(), StandardCharsets.US_ASCII))
        .isEqualTo(ca.caPem())
        .startsWith("-----BEGIN CERTIFICATE-----\n")
        .endsWith("-----END CERTIFICATE-----\n");
    assertThat(parsePem(ca.caPem())).isEqualTo(ca.certificate());
  }

  @Test
  void caCertificateFollowsTheRfc5280CaProfile() throws Exception {
    X509Certificate ca = LocalCertificateAuthority.openOrCreate(stateDir, CLOCK).certificate();

    assertThat(ca.getSubjectX500Principal().getName()).isEqualTo("CN=Lync Emulator Local CA");
    assertThat(ca.getIssuerX500Principal()).isEqualTo(ca.getSubjectX500Principal());
    ca.verify(ca.getPublicKey());
    assertThat(ca.getPublicKey().getAlgorithm()).isEqualTo("RSA");
    assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
    assertThat(ca.getCriticalExtensionOIDs()).contains("2.5.29.19", "2.5.29.15");
    boolean[] keyUsage = ca.getKeyUsage();
    assertThat(keyUsage[5]).as("keyCertSign").isTrue();
    assertThat(keyUsage[6]).as("cRLSign").isTrue();
    assertThat(keyUsage[0]).as("digitalSignature").isFalse();
    assertThat(ca.getNonCriticalExtensionOIDs()).contains("2.5.29.14", "2.5.29.35");
    assertThat(Duration.between(START, ca.getNotAfter().toInstant()).toDays())
        .isBetween(3650L, 3653L);
  }

  @Test
  void reusesTheSameCaWhenTheSameDirectoryIsOpenedAgain() {
    LocalCertificateAuthority first = LocalCertificateAuthority.openOrCreate(stateDir, CLOCK);
    LocalCertificateAuthority second =
        LocalCertificateAuthority.openOrCreate(stateDir, Clock.offset(CLOCK, Duration.ofDays(400)));

    assertThat(second.certificate().getSerialNumber())
        .isEqualTo(first.certificate().getSerialNumber());
    assertThat(second.certificate().getPublicKey()).isEqualTo(first.certificate().getPublicKey());
    assertThat(second.caPem()).isEqualTo(first.caPem());
  }

  @Test
  void reExportsAMissingPemFromTheStoredCa() throws Exception {
    LocalCertificateAuthority first = LocalCertificateAuthority.openOrCreate(stateDir, CLOCK);
    Files.delete(first.pemFile());

    LocalCertificateAuthority second = LocalCertificateAuthority.openOrCreate(stateDir, CLOCK);

    assertThat(Files.readString(second.pemFile())).isEqualTo(first.caPem());
  }

  @Test
  void differentStateDirectoriesGetIndependentCas() {
    LocalCertificateAuthority a =
        LocalCertificateAuthority.openOrCreate(stateDir.resolve("a"), CLOCK);
    LocalCertificateAuthority b =
        LocalCertificateAuthority.openOrCreate(stateDir.resolve("b"), CLOCK);

    assertThat(a.certificate().getPublicKey()).isNotEqualTo(b.certificate().getPublicKey());
    assertThat(a.pemFile()).isNotEqualTo(b.pemFile());
  }

  @Test
  void concurrentOpensOfOneEmptyDirectoryAgreeOnOneCa() throws Exception {
    int threads = 4;
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<LocalCertificateAuthority>> opened = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        Callable<LocalCertificateAuthority> open =
            () -> {
              start.await();
              return LocalCertificateAuthority.openOrCreate(stateDir, CLOCK);
            };
        opened.add(executor.submit(open));
      }
      start.countDown();

      X509Certificate onDisk = null;
      for (Future<LocalCertificateAuthority> future : opened) {
        X509Certificate certificate = future.get(60, TimeUnit.SECONDS).certificate();
        onDisk = onDisk == null ? certificate : onDisk;
        assertThat(certificate).isEqualTo(onDisk);
      }
      assertThat(LocalCertificateAuthority.openOrCreate(stateDir, CLOCK).certificate())
          .isEqualTo(onDisk);
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void caKeystoreIsReadableOnlyByItsOwner() throws Exception {
    assumeTrue(stateDir.getFileSystem().supportedFileAttributeViews().contains("posix"));

    LocalCertificateAuthority ca = LocalCertificateAuthority.openOrCreate(stateDir, CLOCK);
    ServerIdentity web = ca.serverIdentity("web", WEB_NAMES, List.of());

    assertThat(Files.getPosixFilePermissions(stateDir.resolve("lyncemu-ca.p12")))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    assertThat(Files.getPosixFilePermissions(web.keyStoreFile()))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    assertThat(Files.getPosixFilePermissions(ca.pemFile()))
        .contains(PosixFilePermission.OTHERS_READ);
    try (var leftovers = Files.list(stateDir)) {
      assertThat(leftovers.map(p -> p.getFileName().toString()))
          .as("no temporary files left behind")
          .containsExactlyInAnyOrder("lyncemu-ca.p12", "lyncemu-ca.pem", "web.p12");
    }
  }

  @Test
  void serverCertificateCarriesEveryRequestedNameAndAddressAndChainsToTheCa() throws Exception {
    LocalCertificateAuthority ca = LocalCertificateAuthority.openOrCreate(stateDir, CLOCK);

    ServerIdentity web = ca.serverIdentity("web", WEB_NAMES, List.of("127.0.0.1", "::1"));

    X509Certificate leaf = web.certificate();
    leaf.verify(ca.certificate().getPublicKey());
    assertThat(leaf.getIssuerX500Principal()).isEqualTo(ca.certificate().getSubjectX500Principal());
    assertThat(leaf.getSubjectX500Principal().getName())
        .isEqualTo("CN=lyncdiscover.litwareinc.com");
    assertThat(sans(leaf, 2)).containsExactlyInAnyOrderElementsOf(WEB_NAMES);
    assertThat(sans(leaf, 7)).containsExactlyInAnyOrder("127.0.0.1", "0:0:0:0:0:0:0:1");
    assertThat(leaf.getExtendedKeyUsage()).contains(SERVER_AUTH, CLIENT_AUTH);
    assertThat(leaf.getBasicConstraints()).isEqualTo(-1);
    assertThat(leaf.getNonCriticalExtensionOIDs()).contains("2.5.29.14", "2.5.29.35");
    assertThat(Duration.between(START, leaf.getNotAfter().toInstant()).toDays())
        .isBetween(729L, 731L);
    assertThat(web.chain()).containsExactly(leaf, ca.certificate());
    assertThat(web.keyStoreFile()).isEqualTo(stateDir.resolve("web.p12"));
    assertThat(web.keyStore().getCertificateChain(web.alias()))
        .containsExactly(leaf, ca.certificate());
    assertThat(web.password()).isEqualTo("lyncemu".toCharArray());
  }

  @Test
  void reusesTheStoredServerCertificateWhenTheNamesAreIdentical() {
    ServerIdentity first =
        LocalCertificateAuthority.openOrCreate(stateDir, CLOCK)
            .serverIdentity("web", WEB_NAMES, List.of("127.0.0.1", "::1"));

    ServerIdentity second =
        LocalCertificateAuthority.openOrCreate(stateDir, Clock.offset(CLOCK, Duration.ofDays(100)))
            .serverIdentity(
                "web",
                List.of(
                    "lyncdiscover.litwareinc.com",
                    "FE01.corp.litwareinc.com",
                    "sip.litwareinc.com",
                    "lyncweb.litwareinc.com"),
                List.of("0:0:0:0:0:0:0:1", "127.0.0.1"));

    assertThat(second.certificate()).isEqualTo(first.certificate());
    assertThat(second.privateKey()).isEqualTo(first.privateKey());
  }

  @Test
  void reissuesWhenTheNameListChanges() throws Exception {
    LocalCertificateAuthority ca = LocalCertificateAuthority.openOrCreate(stateDir, CLOCK);
    ServerIdentity first = ca.serverIdentity("web", WEB_NAMES, List.of("127.0.0.1"));

    List<String> more = new ArrayList<>(WEB_NAMES);
    more.add("meet.litwareinc.com");
    ServerIdentity withExtraName = ca.serverIdentity("web", more, List.of("127.0.0.1"));
    ServerIdentity withoutAddress = ca.serverIdentity("web", more, List.of());

    assertThat(withExtraName.certificate().getSerialNumber())
        .isNotEqualTo(first.certificate().getSerialNumber());
    assertThat(sans(withExtraName.certificate(), 2)).contains("meet.litwareinc.com");
    assertThat(withoutAddress.certificate().getSerialNumber())
        .isNotEqualTo(withExtraName.certificate().getSerialNumber());
    assertThat(sans(withoutAddress.certificate(), 7)).isEmpty();
  }

  @Test
  void reissuesWhenTheStoredCertificateIsWithinThirtyDaysOfExpiry() {
    ServerIdentity first =
        LocalCertificateAuthority.openOrCreate(stateDir, CLOCK)
            .serverIdentity("web", WEB_NAMES, List.of());
    Instant notAfter = first.certificate().getNotAfter().toInstant();

    ServerIdentity stillFine =
        LocalCertificateAuthority.openOrCreate(
                stateDir, Clock.fixed(notAfter.minus(Duration.ofDays(31)), ZoneOffset.UTC))
            .serverIdentity("web", WEB_NAMES, List.of());
    ServerIdentity renewed =
        LocalCertificateAuthority.openOrCreate(
                stateDir, Clock.fixed(notAfter.minus(Duration.ofDays(29)), ZoneOffset.UTC))
            .serverIdentity("web", WEB_NAMES, List.of());

    assertThat(stillFine.certificate()).isEqualTo(first.certificate());
    assertThat(renewed.certificate()).isNotEqualTo(first.certificate());
    assertThat(renewed.certificate().getNotAfter()).isAfter(first.certificate().getNotAfter());
  }

  @Test
  void reissuesAServerCertificateSignedByAPreviousCa() throws Exception {
    ServerIdentity old =
        LocalCertificateAuthority.openOrCreate(stateDir, CLOCK)
            .serverIdentity("web", WEB_NAMES, List.of());
    Files.delete(stateDir.resolve("lyncemu-ca.p12"));

    LocalCertificateAuthority newCa = LocalCertificateAuthority.openOrCreate(stateDir, CLOCK);
    ServerIdentity current = newCa.serverIdentity("web", WEB_NAMES, List.of());

    assertThat(current.certificate()).isNotEqualTo(old.certificate());
    current.certificate().verify(newCa.certificate().getPublicKey());
  }

  @Test
  void corruptCaKeystoreFailsWithAMessageNamingTheFileAndTheRemedy() throws Exception {
    Path caFile = stateDir.resolve("lyncemu-ca.p12");
    Files.write(caFile, "definitely not PKCS12".getBytes(StandardCharsets.US_ASCII));

    assertThatThrownBy(() -> LocalCertificateAuthority.openOrCreate(stateDir, CLOCK))
        .isInstanceOf(TlsMaterialException.class)
        .hasMessageContaining(caFile.toString())
        .hasMessageContaining("delete " + stateDir)
        .satisfies(e -> assertThat(((TlsMaterialException) e).file()).isEqualTo(caFile));
  }

  @Test
  void unreadableCaKeystoreFailsWithAMessageNamingTheFileAndTheRemedy() throws Exception {
    // A directory in the keystore's place is unreadable as a file even for root, unlike chmod 000.
    Path caFile = Files.createDirectory(stateDir.resolve("lyncemu-ca.p12"));

    assertThatThrownBy(() -> LocalCertificateAuthority.openOrCreate(stateDir, CLOCK))
        .isInstanceOf(TlsMaterialException.class)
        .hasMessageContaining("Cannot read TLS file " + caFile)
        .hasMessageContaining("delete " + stateDir);
  }

  @Test
  void truncatedServerKeystoreFailsWithAMessageNamingTheFile() throws Exception {
    LocalCertificateAuthority ca = LocalCertificateAuthority.openOrCreate(stateDir, CLOCK);
    Path webFile = ca.serverIdentity("web", WEB_NAMES, List.of()).keyStoreFile();
    byte[] stored = Files.readAllBytes(webFile);
    Files.write(webFile, Arrays.copyOf(stored, stored.length / 2));

    assertThatThrownBy(() -> ca.serverIdentity("web", WEB_NAMES, List.of()))
        .isInstanceOf(TlsMaterialException.class)
        .hasMessageContaining(webFile.toString())
        .hasMessageContaining("delete " + webFile);
  }

  @Test
  void stateDirectoryThatIsAFileFailsWithAMessageNamingIt() throws Exception {
    Path notADirectory = Files.createFile(stateDir.resolve("state"));

    assertThatThrownBy(() -> LocalCertificateAuthority.openOrCreate(notADirectory, CLOCK))
        .isInstanceOf(TlsMaterialException.class)
        .hasMessageContaining(notADirectory.toString());
  }

  @Test
  void rejectsLabelsAndNamesThatAreNotSafe() {
    LocalCertificateAuthority ca = LocalCertificateAuthority.openOrCreate(stateDir, CLOCK);

    assertThatThrownBy(() -> ca.serverIdentity("../web", WEB_NAMES, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ca.serverIdentity("lyncemu-ca", WEB_NAMES, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ca.serverIdentity("web", List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ca.serverIdentity("web", List.of("bad name.com"), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ca.serverIdentity("web", WEB_NAMES, List.of("localhost")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static X509Certificate parsePem(String pem) throws Exception {
    return (X509Certificate)
        CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
  }

  private static List<String> sans(X509Certificate certificate, int type) throws Exception {
    List<String> values = new ArrayList<>();
    Collection<List<?>> entries = certificate.getSubjectAlternativeNames();
    if (entries != null) {
      for (List<?> entry : entries) {
        if ((Integer) entry.get(0) == type) {
          values.add((String) entry.get(1));
        }
      }
    }
    return values;
  }
}
