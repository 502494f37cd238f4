package io.lyncemu.edge.xmpp.s2s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lyncemu.core.journal.EventKind;
import io.lyncemu.core.journal.JournalQuery;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A partner authenticates to our 5269 with dialback; we call its authoritative server back. */
class InboundDialbackTest {
  @TempDir Path state;
  S2sFixture edge;
  FakeAuthoritativeServer fabrikam;

  @BeforeEach
  void start() throws Exception {
    edge = new S2sFixture(state);
    fabrikam = new FakeAuthoritativeServer("goodkey");
    edge.resolver.xmppServer("fabrikam.com", "xmpp.fabrikam.com", fabrikam.port());
  }

  @AfterEach
  void stop() throws Exception {
    fabrikam.close();
    edge.close();
  }

  static String dialbackResult(String key) {
    return "<db:result from='fabrikam.com' to='litwareinc.com'>" + key + "</db:result>";
  }

  @Test
  void validKeyAuthenticatesAndStanzasReachTheInside() throws Exception {
    try (RawXmppPeer partner = RawXmppPeer.connect(edge.port())) {
      String features =
          partner.header("fabrikam.com", "litwareinc.com").await("</stream:features>");
      assertThat(features)
          .contains("from='litwareinc.com'")
          .contains("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>")
          .contains("urn:xmpp:features:dialback");
      partner.send(dialbackResult("goodkey"));
      assertThat(partner.await("type='valid'"))
          .contains("<db:result from='litwareinc.com' to='fabrikam.com' type='valid'/>");
      partner.send(
          "<message from='alice@fabrikam.com/x' to='kenmyer@litwareinc.com' type='chat'><body>hi</body></message>");
      await().atMost(Duration.ofSeconds(5)).until(() -> !edge.received.isEmpty());
      assertThat(edge.received.get(0).attribute("to")).contains("kenmyer@litwareinc.com");
    }
    assertThat(
            edge.journal.query(JournalQuery.kind(EventKind.XMPP_DIALBACK).where("result", "valid")))
        .isNotEmpty();
  }

  @Test
  void forgedKeyIsInvalidThenNotAuthorizedAndTheNextStreamIsStillServed() throws Exception {
    try (RawXmppPeer forger = RawXmppPeer.connect(edge.port())) {
      forger.header("fabrikam.com", "litwareinc.com").await("</stream:features>");
      forger.send(dialbackResult("forged"));
      String all = forger.awaitClose();
      assertThat(all).contains("type='invalid'").contains("<not-authorized");
    }
    validKeyAuthenticatesAndStanzasReachTheInside();
  }

  @Test
  void stanzasBeforeAuthenticationAreNotAuthorized() throws Exception {
    try (RawXmppPeer partner = RawXmppPeer.connect(edge.port())) {
      partner.header("fabrikam.com", "litwareinc.com").await("</stream:features>");
      partner.send(
          "<message from='alice@fabrikam.com' to='kenmyer@litwareinc.com'><body>x</body></message>");
      assertThat(partner.awaitClose()).contains("<not-authorized").endsWith("</stream:stream>");
    }
    assertThat(edge.received).isEmpty();
  }

  @Test
  void stanzaFromAnotherDomainIsInvalidFrom() throws Exception {
    try (RawXmppPeer partner = RawXmppPeer.connect(edge.port())) {
      partner.header("fabrikam.com", "litwareinc.com").await("</stream:features>");
      partner.send(dialbackResult("goodkey")).await("type='valid'");
      partner.send("<message from='mallory@contoso.com' to='kenmyer@litwareinc.com'/>");
      assertThat(partner.awaitClose()).contains("<invalid-from");
    }
  }

  @Test
  void verifyRequestsForOurKeysAreAnsweredPerXep0185() throws Exception {
    edge.gateway(g -> S2sFixture.gateway(g, "s3cret", null, null));
    String key = new DialbackKeys(() -> "s3cret").key("fabrikam.com", "litwareinc.com", "abc123");
    try (RawXmppPeer partner = RawXmppPeer.connect(edge.port())) {
      partner.header("fabrikam.com", "litwareinc.com").await("</stream:features>");
      partner.send(
          "<db:verify from='fabrikam.com' to='litwareinc.com' id='abc123'>" + key + "</db:verify>");
      assertThat(partner.await("type='valid'")).contains("id='abc123' type='valid'/>");
      partner.send(
          "<db:verify from='fabrikam.com' to='litwareinc.com' id='abc124'>" + key + "</db:verify>");
      assertThat(partner.await("type='invalid'/>")).contains("id='abc124' type='invalid'");
    }
  }

  @Test
  void unreachableAuthoritativeServerGivesADialbackError() throws Exception {
    fabrikam.close();
    try (RawXmppPeer partner = RawXmppPeer.connect(edge.port())) {
      partner.header("fabrikam.com", "litwareinc.com").await("</stream:features>");
      partner.send(dialbackResult("goodkey"));
      assertThat(partner.await("</db:result>"))
          .contains("type='error'")
          .contains("<remote-connection-failed");
    }
  }
}
