package io.lyncemu.edge.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jivesoftware.smack.packet.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Prosody harness itself: a private instance starts, serves c2s, and leaves nothing behind. */
class ProsodyPeerTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @BeforeEach
  void requireProsody() {
    Peer.prosody().require();
  }

  @Test
  void aLocalUserReceivesAMessageFromAnother() throws Exception {
    ProsodyPeer prosody =
        ProsodyPeer.forDomain("partner.example")
            .user("alice", "alice-secret")
            .user("bob", "bob-secret")
            .start();
    Path dir;
    try (prosody) {
      dir = prosody.configFile().getParent();
      try (PartnerXmppClient alice = PartnerXmppClient.login(prosody, "alice", "alice-secret");
          PartnerXmppClient bob = PartnerXmppClient.login(prosody, "bob", "bob-secret")) {
        alice.sendMessage("bob@partner.example", "hello bob");

        Message received = bob.awaitMessage(WAIT);

        assertThat(received.getBody()).as(prosody.logTail()).isEqualTo("hello bob");
        assertThat(received.getFrom().asBareJid().toString()).isEqualTo("alice@partner.example");
      }
    }

    assertThat(prosody.isAlive()).as("prosody process after close").isFalse();
    assertThat(ProcessHandle.of(prosody.pid())).isEmpty();
    assertThat(Files.exists(dir)).as("temp dir after close").isFalse();
    await("c2s and s2s ports released")
        .atMost(WAIT)
        .until(
            () ->
                !FreePorts.listening(prosody.c2sPort()) && !FreePorts.listening(prosody.s2sPort()));
  }
}
