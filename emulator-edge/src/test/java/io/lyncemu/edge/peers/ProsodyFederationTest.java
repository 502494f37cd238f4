package io.lyncemu.edge.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.jivesoftware.smack.packet.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two private Prosodys federate over plain dialback, finding each other through {@link
 * StaticTestDns}: proves lua-unbound forwarding and dialback work on this machine, the recipe the
 * Edge federation tests reuse with the emulator in place of one of them.
 */
class ProsodyFederationTest {
  /** s2s setup is DNS, TCP, stream, dialback and db:verify both ways: well under a second here. */
  private static final Duration WAIT = Duration.ofSeconds(20);

  @BeforeEach
  void requireProsody() {
    Peer.prosody().require();
  }

  @Test
  void aliceOnAExampleMessagesBobOnBExampleOverDialback() throws Exception {
    // Ports first, DNS next, Prosodys last: each needs the previous one's numbers.
    int portA = FreePorts.tcp();
    int portB = FreePorts.tcp();
    try (StaticTestDns dns =
            StaticTestDns.builder()
                .xmppServer("a.example", portA)
                .xmppServer("b.example", portB)
                .start();
        ProsodyPeer a = federating("a.example", "alice", portA, dns);
        ProsodyPeer b = federating("b.example", "bob", portB, dns);
        PartnerXmppClient alice = PartnerXmppClient.login(a, "alice", "alice-secret");
        PartnerXmppClient bob = PartnerXmppClient.login(b, "bob", "bob-secret")) {

      alice.sendMessage("bob@b.example", "hello across federation");

      Message received;
      try {
        received = bob.awaitMessage(WAIT);
      } catch (AssertionError e) {
        throw new AssertionError(
            e.getMessage()
                + "\nDNS questions: "
                + dns.questions()
                + "\n=== a.example ===\n"
                + a.logTail()
                + "\n=== b.example ===\n"
                + b.logTail(),
            e);
      }
      assertThat(received.getBody()).isEqualTo("hello across federation");
      assertThat(received.getFrom().asBareJid().toString()).isEqualTo("alice@a.example");
      assertThat(dns.questions()).anyMatch(q -> q.startsWith("SRV _xmpp-server._tcp.b.example"));
      // No certificates anywhere: b.example authenticated a.example by dialback, asking a.example
      // to verify the key (db:verify) before marking the stream complete.
      assertThat(a.log())
          .as(a.logTail())
          .contains("Outgoing s2s connection a.example->b.example complete")
          .contains("verified dialback key... it is valid");
      assertThat(b.log())
          .as(b.logTail())
          .contains("Incoming s2s connection a.example->b.example complete");
    }
  }

  private static ProsodyPeer federating(String domain, String user, int s2sPort, StaticTestDns dns)
      throws Exception {
    return ProsodyPeer.forDomain(domain)
        .s2sPort(s2sPort)
        .requireEncryption(false)
        .dnsForwarderPort(dns.port())
        .user(user, user + "-secret")
        .start();
  }
}
