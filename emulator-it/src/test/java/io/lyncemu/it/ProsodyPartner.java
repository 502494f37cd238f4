package io.lyncemu.it;

import io.lyncemu.app.LyncEmulator;
import io.lyncemu.core.tls.LocalCertificateAuthority;
import io.lyncemu.core.tls.ServerIdentity;
import io.lyncemu.edge.peers.FreePorts;
import io.lyncemu.edge.peers.PartnerXmppClient;
import io.lyncemu.edge.peers.Peer;
import io.lyncemu.edge.peers.ProsodyPeer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * A Prosody for fabrikam.com next to a whole emulator, found by the Edge through the emulator's
 * embedded DNS (zone fabrikam.com with {@code _xmpp-server._tcp} and an A record) and resolving
 * litwareinc.com through it too, with alice@fabrikam.com logged in so messages are delivered rather
 * than bounced. Minimal stand-in for the e2e branch's XmppPartner fixture.
 */
final class ProsodyPartner implements AutoCloseable {
  /** What the partner must be like, from a scenario's {@code partner:} text. */
  enum Profile {
    /** A certificate from the emulator CA, TLS offered, dialback, certificates not verified. */
    DIALBACK,
    /** s2s_require_encryption = true. */
    TLS_REQUIRED,
    /** No certificate: unencrypted s2s streams, dialback only. */
    NO_TLS,
    /** TLS required and s2s_secure_auth = true with the emulator CA as trust anchor. */
    SECURE_AUTH;

    static Profile of(String partnerText) {
      String t = partnerText.toLowerCase(Locale.ROOT);
      if (t.contains("verifies server certificates")) {
        return SECURE_AUTH;
      }
      if (t.contains("requires tls")) {
        return TLS_REQUIRED;
      }
      if (t.contains("without a certificate")) {
        return NO_TLS;
      }
      return DIALBACK;
    }
  }

  static final String PASSWORD = "alice-secret";

  final ProsodyPeer prosody;
  final PartnerXmppClient alice;

  private ProsodyPartner(ProsodyPeer prosody, PartnerXmppClient alice) {
    this.prosody = prosody;
    this.alice = alice;
  }

  static ProsodyPartner start(LyncEmulator lync, Profile profile, Path dir) throws Exception {
    Peer.prosody().require();
    int s2s = FreePorts.tcp();
    lync.invoke("Add-DnsServerPrimaryZone -Name fabrikam.com -ZoneFile fabrikam.com.dns");
    lync.invoke(
        "Add-DnsServerResourceRecordA -ZoneName fabrikam.com -Name xmpp -IPv4Address 127.0.0.1");
    lync.invoke(
        "Add-DnsServerResourceRecord -ZoneName fabrikam.com -Name _xmpp-server._tcp -Srv"
            + " -DomainName xmpp.fabrikam.com -Priority 0 -Weight 0 -Port "
            + s2s);
    ProsodyPeer.Builder builder =
        ProsodyPeer.forDomain("fabrikam.com")
            .s2sPort(s2s)
            .dnsForwarderPort(lync.endpoints().get("dns").getPort())
            .user("alice", PASSWORD);
    if (profile != Profile.NO_TLS) {
      ServerIdentity fabrikam =
          LocalCertificateAuthority.openOrCreate(lync.stateDir(), Clock.systemUTC())
              .serverIdentity("it-fabrikam", List.of("fabrikam.com"), List.of());
      Path cert = dir.resolve("fabrikam.crt");
      Path key = dir.resolve("fabrikam.key");
      Files.writeString(cert, pem("CERTIFICATE", fabrikam.certificate().getEncoded()));
      Files.writeString(key, pem("PRIVATE KEY", fabrikam.privateKey().getEncoded()));
      builder.certificate(cert, key);
    }
    if (profile == Profile.TLS_REQUIRED || profile == Profile.SECURE_AUTH) {
      builder.requireEncryption(true);
    }
    if (profile == Profile.SECURE_AUTH) {
      builder.secureAuth(lync.certificateAuthority());
    }
    ProsodyPeer prosody = builder.start();
    try {
      return new ProsodyPartner(prosody, PartnerXmppClient.login(prosody, "alice", PASSWORD));
    } catch (IOException | RuntimeException e) {
      prosody.close();
      throw e;
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  @Override
  public void close() {
    try {
      alice.close();
    } catch (Exception ignored) {
      // Prosody is stopped next anyway
    } finally {
      prosody.close();
    }
  }
}
