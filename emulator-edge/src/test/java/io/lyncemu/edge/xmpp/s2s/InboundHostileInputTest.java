package io.lyncemu.edge.xmpp.s2s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input on 5269: each case ends in a stream error and a closed connection, and a following
 * well-behaved stream is still served.
 */
class InboundHostileInputTest {
  @TempDir Path state;
  S2sFixture edge;

  @BeforeEach
  void start() {
    edge = new S2sFixture(state);
  }

  @AfterEach
  void stop() {
    edge.close();
  }

  private String rejected(String... sends) throws Exception {
    String all;
    try (RawXmppPeer partner = RawXmppPeer.connect(edge.port())) {
      for (String s : sends) {
        partner.send(s);
      }
      all = partner.awaitClose();
    }
    assertThat(all).contains("<stream:error>").endsWith("</stream:stream>");
    stillServes();
    return all;
  }

  private void stillServes() throws Exception {
    try (RawXmppPeer good = RawXmppPeer.connect(edge.port())) {
      assertThat(good.header("fabrikam.com", "litwareinc.com").await("</stream:features>"))
          .contains("urn:xmpp:features:dialback");
    }
  }

  private static String header() {
    return String.format(RawXmppPeer.HEADER, "fabrikam.com", "litwareinc.com");
  }

  @Test
  void garbageBeforeTheHeaderIsNotWellFormed() throws Exception {
    assertThat(rejected("HELO fabrikam.com\r\n<stream:stream>")).contains("<not-well-formed");
  }

  @Test
  void malformedXmlInsideTheStreamIsNotWellFormed() throws Exception {
    assertThat(rejected(header(), "<message><body>x</message>")).contains("<not-well-formed");
  }

  @Test
  void aTenMegabyteStanzaIsAPolicyViolation() throws Exception {
    String huge = "<message><body>" + "a".repeat(10 * 1024 * 1024) + "</body></message>";
    try (RawXmppPeer partner = RawXmppPeer.connect(edge.port())) {
      partner.send(header());
      try {
        partner.send(huge);
      } catch (java.io.IOException closedMidWay) {
        // the Edge may close before we finish writing: that is the point
      }
      assertThat(partner.awaitClose()).contains("<policy-violation");
    }
    stillServes();
  }

  @Test
  void tenThousandLevelsOfNestingIsAPolicyViolation() throws Exception {
    String deep = "<a>".repeat(10_000);
    assertThat(rejected(header(), "<message>" + deep)).contains("<policy-violation");
  }

  @Test
  void aDtdWithEntitiesIsRefused() throws Exception {
    String xxe =
        "<?xml version='1.0'?><!DOCTYPE s [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
            + "<stream:stream xmlns='jabber:server' xmlns:stream='http://etherx.jabber.org/streams'"
            + " to='litwareinc.com' version='1.0'>&x;";
    assertThat(rejected(xxe)).doesNotContain("root:").contains("<restricted-xml");
  }

  @Test
  void aStreamToAnUnknownHostIsHostUnknown() throws Exception {
    assertThat(rejected(String.format(RawXmppPeer.HEADER, "fabrikam.com", "contoso.org")))
        .contains("<host-unknown");
  }

  @Test
  void aPartnerThatIsNotAllowedIsAPolicyViolation() throws Exception {
    assertThat(rejected(String.format(RawXmppPeer.HEADER, "evil.example", "litwareinc.com")))
        .contains("<policy-violation")
        .contains("evil.example is not an allowed XMPP partner");
  }

  @Test
  void aWrongContentNamespaceIsInvalidNamespace() throws Exception {
    assertThat(rejected(header().replace("jabber:server'", "jabber:client'")))
        .contains("<invalid-namespace");
  }

  @Test
  void anUnclosedStreamIsJustForgotten() throws Exception {
    try (RawXmppPeer partner = RawXmppPeer.connect(edge.port())) {
      partner.header("fabrikam.com", "litwareinc.com").await("</stream:features>");
      partner.send("<message from='a@fabrikam.com'><bo");
    }
    stillServes();
  }

  @Test
  void aSlowLorisIsCutOffByTheStreamEstablishmentTimeout() throws Exception {
    edge.gateway(g -> S2sFixture.gateway(g, null, null, 1));
    try (RawXmppPeer loris = RawXmppPeer.connect(edge.port())) {
      loris.send("<?xml version='1.0'?><stream:stream xmlns='jabber:server'");
      assertThat(loris.awaitClose()).contains("<connection-timeout");
    }
    stillServes();
  }

  @Test
  void thePartnerConnectionLimitIsEnforced() throws Exception {
    edge.gateway(g -> S2sFixture.gateway(g, null, 1, null));
    try (RawXmppPeer first = RawXmppPeer.connect(edge.port());
        RawXmppPeer second = RawXmppPeer.connect(edge.port())) {
      first.header("fabrikam.com", "litwareinc.com").await("</stream:features>");
      second.header("fabrikam.com", "litwareinc.com");
      assertThat(second.awaitClose()).contains("<policy-violation").contains("limit");
    }
    // The first stream's slot is released when the Edge sees it close, which happens on its event
    // loop a moment after our socket closes: wait for that rather than race it.
    await().atMost(Duration.ofSeconds(10)).untilAsserted(this::stillServes);
  }

  @Test
  void aSilentStreamIsClosedByTheStreamInactivityTimeout() throws Exception {
    edge.timers(300, 1);
    try (RawXmppPeer quiet = RawXmppPeer.connect(edge.port())) {
      quiet.header("fabrikam.com", "litwareinc.com").await("</stream:features>");
      assertThat(quiet.awaitClose())
          .contains("<connection-timeout")
          .contains("StreamInactivityTimeout");
    }
    stillServes();
  }
}
