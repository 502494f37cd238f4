package io.lyncemu.it.xmpp;

import static org.awaitility.Awaitility.await;

import io.lyncemu.app.LyncEmulator;
import io.lyncemu.core.journal.EventKind;
import io.lyncemu.core.journal.JournalEvent;
import io.lyncemu.core.journal.JournalQuery;
import io.lyncemu.core.tls.LocalCertificateAuthority;
import io.lyncemu.core.tls.ServerIdentity;
import io.lyncemu.edge.peers.FreePorts;
import io.lyncemu.edge.peers.PartnerXmppClient;
import io.lyncemu.edge.peers.Peer;
import io.lyncemu.edge.peers.ProsodyPeer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The XMPP federation partner of the built-in {@code litwareinc} topology, for real: a private
 * Prosody (loopback, its own config and data directory) serving {@code fabrikam.com} with the users
 * {@code alice} and {@code bob}, wired to a running {@link LyncEmulator} through the emulator's own
 * DNS server in both directions.
 *
 * <ul>
 *   <li>Prosody's lua-unbound forwards every query to the emulator's {@code dns} listener, so it
 *       finds the Edge through {@code _xmpp-server._tcp.litwareinc.com} (whose answer carries the
 *       port the Edge really bound).
 *   <li>{@link #start} adds, through cmdlets, the zone {@code fabrikam.com} (if absent), {@code
 *       xmpp.fabrikam.com A 127.0.0.1} and {@code _xmpp-server._tcp.fabrikam.com SRV} to Prosody's
 *       s2s port, so the Edge finds Prosody; {@link #close} removes both records again.
 *   <li>{@link Security}: plain dialback (no mod_tls, no certificate); STARTTLS with a self-signed
 *       certificate, then dialback ({@code s2s_secure_auth = false}); or STARTTLS with a
 *       certificate from the emulator's CA, which the Edge trusts, so Prosody authenticates to the
 *       Edge with SASL EXTERNAL (the Edge still uses dialback towards Prosody, which does not trust
 *       the emulator's CA). With TLS Prosody requires encryption on s2s, except in {@link
 *       Security#TLS_OPTIONAL_DIALBACK}; in {@link Security#TLS_SECURE_AUTH} it also verifies the
 *       Edge's certificate against the emulator's CA.
 * </ul>
 *
 * <pre>{@code
 * try (XmppPartner fabrikam = XmppPartner.start(lync, Security.TLS_DIALBACK)) {
 *   PartnerXmppClient alice = fabrikam.client("alice");
 *   alice.sendMessage("kenmyer@litwareinc.com", "hi");
 *   ...
 * } catch (AssertionError e) { throw fabrikam.explain(e); }
 * }</pre>
 *
 * <p>Skips the test when Prosody (with lua-unbound) is missing, or fails it when {@code
 * LYNCEMU_REQUIRE_PEERS=1}. The emulator must run with the {@code litwareinc} topology (or one with
 * {@code fabrikam.com} as an XMPP partner) and must outlive this fixture. Not thread-safe.
 */
public final class XmppPartner implements AutoCloseable {
  /** The XMPP partner domain of the {@code litwareinc} topology. */
  public static final String DOMAIN = "fabrikam.com";

  /** The host name the SRV record points at; its A record is 127.0.0.1. */
  public static final String HOST = "xmpp." + DOMAIN;

  /** Registered users and their passwords. */
  public static final Map<String, String> USERS =
      Map.of("alice", "alice-secret", "bob", "bob-secret");

  /** How the s2s streams between Prosody and the Edge are secured and authenticated. */
  public enum Security {
    /** No TLS at all (Prosody loads no mod_tls): dialback on plain TCP, both directions. */
    PLAIN_DIALBACK,
    /** STARTTLS, Prosody with a self-signed certificate: dialback inside TLS, both directions. */
    TLS_DIALBACK,
    /**
     * STARTTLS, Prosody with a certificate from the emulator's CA: Prosody → Edge authenticates
     * with SASL EXTERNAL, Edge → Prosody with dialback.
     */
    TLS_SASL_EXTERNAL,
    /**
     * STARTTLS offered but not required, Prosody with a certificate from the emulator's CA:
     * dialback, certificates not verified.
     */
    TLS_OPTIONAL_DIALBACK,
    /**
     * {@link #TLS_SASL_EXTERNAL}, and Prosody verifies the Edge's certificate too ({@code
     * s2s_secure_auth = true} with the emulator's CA as trust anchor).
     */
    TLS_SECURE_AUTH;

    public boolean tls() {
      return this != PLAIN_DIALBACK;
    }

    /** Prosody requires encryption on s2s. */
    boolean requiresTls() {
      return tls() && this != TLS_OPTIONAL_DIALBACK;
    }

    /** Prosody's certificate comes from the emulator's CA (rather than being self-signed). */
    boolean caIssuedCertificate() {
      return this != PLAIN_DIALBACK && this != TLS_DIALBACK;
    }
  }

  private static final String SRV_NAME = "_xmpp-server._tcp";
  private static final Duration LINK_WAIT = Duration.ofSeconds(20);

  private final LyncEmulator lync;
  private final Security security;
  private final ProsodyPeer prosody;
  private final Path certificateDir;
  private final List<PartnerXmppClient> clients = new ArrayList<>();

  private XmppPartner(
      LyncEmulator lync, Security security, ProsodyPeer prosody, Path certificateDir) {
    this.lync = lync;
    this.security = security;
    this.prosody = prosody;
    this.certificateDir = certificateDir;
  }

  /**
   * Starts Prosody for {@value #DOMAIN}, publishes its records in the emulator's DNS and waits
   * until the emulator's Front End is linked to its Edge (port 23456), so the first message can be
   * routed. On failure nothing is left running or registered.
   *
   * @param tls {@link Security#TLS_DIALBACK} when true, {@link Security#PLAIN_DIALBACK} when false:
   *     dialback in both directions either way, as the issue asks
   */
  public static XmppPartner start(LyncEmulator lync, boolean tls) throws IOException {
    return start(lync, tls ? Security.TLS_DIALBACK : Security.PLAIN_DIALBACK);
  }

  /** {@link #start(LyncEmulator, boolean)} with any {@link Security}. */
  public static XmppPartner start(LyncEmulator lync, Security security) throws IOException {
    Objects.requireNonNull(lync, "lync");
    Objects.requireNonNull(security, "security");
    boolean tls = security.tls();
    Peer.prosody().require();
    int dnsPort = lync.endpoints().get("dns").getPort();
    int s2sPort = FreePorts.tcp();
    ProsodyPeer.Builder builder =
        ProsodyPeer.forDomain(DOMAIN)
            .s2sPort(s2sPort)
            .dnsForwarderPort(dnsPort)
            .requireEncryption(security.requiresTls());
    USERS.forEach(builder::user);
    if (security == Security.TLS_SECURE_AUTH) {
      builder.secureAuth(lync.certificateAuthority());
    }
    Path certificateDir = null;
    if (tls) {
      certificateDir = Files.createTempDirectory("lyncemu-fabrikam-cert-");
      Path certificate = certificateDir.resolve("fabrikam.crt");
      Path key = certificateDir.resolve("fabrikam.key");
      if (security.caIssuedCertificate()) {
        writeCaIssuedCertificate(lync, certificate, key);
      } else {
        SelfSignedCertificate.write(DOMAIN, certificate, key);
      }
      builder.certificate(certificate, key);
    }
    addDnsRecords(lync, s2sPort);
    ProsodyPeer prosody;
    try {
      prosody = builder.start();
    } catch (IOException | RuntimeException | Error e) {
      removeDnsRecords(lync);
      deleteTree(certificateDir);
      throw e;
    }
    XmppPartner partner = new XmppPartner(lync, security, prosody, certificateDir);
    try {
      partner.awaitGatewayLink();
    } catch (RuntimeException | Error e) {
      partner.close();
      throw e;
    }
    return partner;
  }

  public String domain() {
    return DOMAIN;
  }

  public Security security() {
    return security;
  }

  /** {@code user@fabrikam.com}. */
  public String jid(String user) {
    return user + "@" + DOMAIN;
  }

  /** {@code sip:user@fabrikam.com}, the address Lync users give the partner's users. */
  public String sipUri(String user) {
    return "sip:" + jid(user);
  }

  /** The running Prosody (ports, log, config file). */
  public ProsodyPeer prosody() {
    return prosody;
  }

  /**
   * Logs {@code user} (one of {@link #USERS}) in on Prosody with Smack; the client is closed with
   * this fixture.
   */
  public PartnerXmppClient client(String user) throws IOException {
    String password = USERS.get(user);
    if (password == null) {
      throw new IllegalArgumentException(user + " is not a user of " + DOMAIN + ": " + USERS);
    }
    PartnerXmppClient client = PartnerXmppClient.login(prosody, user, password);
    clients.add(client);
    return client;
  }

  /** The last lines of Prosody's debug log and output. */
  public String logTail() {
    return prosody.logTail();
  }

  /** Prosody's whole debug log so far, to assert on lines such as TLS or dialback results. */
  public String log() {
    return prosody.log();
  }

  /** The emulator journal's XMPP and DNS events, one per line, oldest first. */
  public String xmppJournal() {
    return lync
        .journal()
        .query(
            JournalQuery.kind(
                EventKind.XMPP_STREAM_OPENED,
                EventKind.XMPP_STREAM_CLOSED,
                EventKind.XMPP_STREAM_ERROR,
                EventKind.XMPP_DIALBACK,
                EventKind.XMPP_STANZA,
                EventKind.DNS_QUERY,
                EventKind.IM_FORWARDED,
                EventKind.IM_REJECTED))
        .stream()
        .map(XmppPartner::line)
        .collect(Collectors.joining("\n"));
  }

  /** What an interop failure needs to be diagnosed from a CI log: Prosody's log and the journal. */
  public String diagnostics() {
    return "\n=== "
        + prosody
        + " "
        + security
        + " ===\n"
        + logTail()
        + "\n=== emulator journal (XMPP, DNS) ===\n"
        + xmppJournal();
  }

  /** {@code failure} with {@link #diagnostics()} appended to its message. */
  public AssertionError explain(Throwable failure) {
    return new AssertionError(failure + diagnostics(), failure);
  }

  /** Logs the clients out, stops Prosody and removes the DNS records {@link #start} added. */
  @Override
  public void close() {
    try {
      for (PartnerXmppClient client : clients) {
        client.close();
      }
    } finally {
      try {
        prosody.close();
      } finally {
        if (lync.isRunning()) {
          removeDnsRecords(lync);
        }
        deleteTree(certificateDir);
      }
    }
  }

  @Override
  public String toString() {
    return "XmppPartner(" + prosody + ", " + security + ")";
  }

  private void awaitGatewayLink() {
    await("the Front End's XMPP gateway linked to the Edge (23456)")
        .atMost(LINK_WAIT)
        .pollInterval(Duration.ofMillis(50))
        .until(
            () ->
                !lync.journal()
                    .query(
                        JournalQuery.kind(EventKind.XMPP_STREAM_OPENED).component("xmpp-gateway"))
                    .isEmpty());
  }

  private static void addDnsRecords(LyncEmulator lync, int s2sPort) {
    if (!lync.deployment().current().dns().zones().contains(DOMAIN)) {
      lync.invoke("Add-DnsServerPrimaryZone -Name " + DOMAIN + " -ZoneFile " + DOMAIN + ".dns");
    }
    removeDnsRecords(lync); // leftovers of an earlier fixture on the same emulator
    lync.invoke(
        "Add-DnsServerResourceRecordA -ZoneName " + DOMAIN + " -Name xmpp -IPv4Address 127.0.0.1");
    lync.invoke(
        "Add-DnsServerResourceRecord -ZoneName "
            + DOMAIN
            + " -Name "
            + SRV_NAME
            + " -Srv -DomainName "
            + HOST
            + " -Priority 0 -Weight 0 -Port "
            + s2sPort);
  }

  private static void removeDnsRecords(LyncEmulator lync) {
    boolean hasSrv =
        lync.deployment().current().dns().inZone(DOMAIN).stream()
            .anyMatch(r -> r.hostName().equalsIgnoreCase(SRV_NAME));
    if (hasSrv) {
      lync.invoke(
          "Remove-DnsServerResourceRecord -ZoneName "
              + DOMAIN
              + " -Name "
              + SRV_NAME
              + " -RRType Srv -Force");
    }
    boolean hasA =
        lync.deployment().current().dns().inZone(DOMAIN).stream()
            .anyMatch(r -> r.hostName().equalsIgnoreCase("xmpp"));
    if (hasA) {
      lync.invoke(
          "Remove-DnsServerResourceRecord -ZoneName " + DOMAIN + " -Name xmpp -RRType A -Force");
    }
  }

  /**
   * A certificate for {@value #DOMAIN} from the emulator's own CA (opened from the files next to
   * its exported PEM), which the Edge trusts for SASL EXTERNAL.
   */
  private static void writeCaIssuedCertificate(LyncEmulator lync, Path certificate, Path key)
      throws IOException {
    LocalCertificateAuthority ca =
        LocalCertificateAuthority.openOrCreate(
            lync.certificateAuthority().getParent(), Clock.systemUTC());
    ServerIdentity identity = ca.serverIdentity("partner-fabrikam", List.of(DOMAIN), List.of());
    byte[] der;
    try {
      der = identity.certificate().getEncoded();
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new IOException("cannot encode the certificate for " + DOMAIN, e);
    }
    Files.writeString(certificate, SelfSignedCertificate.pem("CERTIFICATE", der));
    Files.writeString(
        key, SelfSignedCertificate.pem("PRIVATE KEY", identity.privateKey().getEncoded()));
  }

  private static String line(JournalEvent e) {
    return e.sequence()
        + " "
        + e.component()
        + " "
        + e.kind()
        + (e.connectionId().isEmpty() ? "" : " conn=" + e.connectionId())
        + (e.peer().isEmpty() ? "" : " peer=" + e.peer())
        + " "
        + e.attributes();
  }

  private static void deleteTree(Path dir) {
    if (dir == null) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      // a temp directory left behind is not worth failing a test for
    }
  }
}
