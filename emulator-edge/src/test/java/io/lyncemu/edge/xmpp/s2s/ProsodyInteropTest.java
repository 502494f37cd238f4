package io.lyncemu.edge.xmpp.s2s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lyncemu.core.tls.ServerIdentity;
import io.lyncemu.edge.peers.FreePorts;
import io.lyncemu.edge.peers.PartnerXmppClient;
import io.lyncemu.edge.peers.Peer;
import io.lyncemu.edge.peers.ProsodyPeer;
import io.lyncemu.edge.peers.StaticTestDns;
import io.lyncemu.edge.xmpp.stream.XmlElement;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.packet.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Prosody as fabrikam.com federating with the Edge both ways: a Smack user on Prosody
 * messages kenmyer@litwareinc.com, and the Edge delivers to alice@fabrikam.com. Prosody finds the
 * Edge through a static DNS server answering {@code _xmpp-server._tcp.litwareinc.com}; the Edge
 * finds Prosody through its resolver.
 */
class ProsodyInteropTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path state;
  S2sFixture edge;

  @BeforeEach
  void start() {
    Peer.prosody().require();
    edge = new S2sFixture(state);
  }

  @AfterEach
  void stop() {
    edge.close();
  }

  @Test
  void plainDialbackBothWays() throws Exception {
    federate(false);
  }

  @Test
  void startTlsThenDialbackBothWays() throws Exception {
    federate(true);
  }

  private void federate(boolean tls) throws Exception {
    int prosodyS2s = FreePorts.tcp();
    edge.resolver.xmppServer("fabrikam.com", "xmpp.fabrikam.com", prosodyS2s);
    try (StaticTestDns dns =
            StaticTestDns.builder()
                .xmppServer("litwareinc.com", edge.port())
                .xmppServer("fabrikam.com", prosodyS2s)
                .start();
        ProsodyPeer prosody = prosody(prosodyS2s, dns, tls);
        PartnerXmppClient alice = PartnerXmppClient.login(prosody, "alice", "alice-secret")) {
      try {
        alice.sendMessage("kenmyer@litwareinc.com", "hello Lync");
        await().atMost(WAIT).until(() -> !edge.received.isEmpty());
        XmlElement in = edge.received.get(0);
        assertThat(in.attribute("from").orElseThrow()).startsWith("alice@fabrikam.com");
        assertThat(in.child("body", "jabber:server").orElseThrow().text()).isEqualTo("hello Lync");

        edge.server
            .sendToPartner(OutboundStreamTest.message("alice@fabrikam.com", "hello XMPP"))
            .toCompletableFuture()
            .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        Message out = alice.awaitMessage(WAIT);
        assertThat(out.getBody()).isEqualTo("hello XMPP");
        assertThat(out.getFrom().asBareJid().toString()).isEqualTo("kenmyer@litwareinc.com");
      } catch (AssertionError | Exception e) {
        throw new AssertionError(
            e
                + "\nDNS questions: "
                + dns.questions()
                + "\n=== prosody ===\n"
                + prosody.logTail()
                + "\n=== journal ===\n"
                + String.join(
                    "\n",
                    edge.journal.query(io.lyncemu.core.journal.JournalQuery.all()).stream()
                        .map(Object::toString)
                        .toList()),
            e);
      }
    }
  }

  private ProsodyPeer prosody(int s2sPort, StaticTestDns dns, boolean tls) throws Exception {
    ProsodyPeer.Builder builder =
        ProsodyPeer.forDomain("fabrikam.com")
            .s2sPort(s2sPort)
            .requireEncryption(tls)
            .dnsForwarderPort(dns.port())
            .user("alice", "alice-secret");
    if (tls) {
      // A certificate from the emulator CA; Prosody does not trust ours (s2s_secure_auth is
      // off), so dialback still authenticates both directions, now inside TLS.
      ServerIdentity fabrikam =
          edge.ca.serverIdentity("fabrikam", List.of("fabrikam.com"), List.of());
      Path cert = state.resolve("fabrikam.crt");
      Path key = state.resolve("fabrikam.key");
      Files.writeString(cert, pem("CERTIFICATE", fabrikam.certificate().getEncoded()));
      Files.writeString(key, pem("PRIVATE KEY", fabrikam.privateKey().getEncoded()));
      builder.certificate(cert, key);
    }
    return builder.start();
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
}
