package io.lyncemu.it.xmpp;

import static org.assertj.core.api.Assertions.assertThat;

import io.lyncemu.app.LyncEmulator;
import io.lyncemu.core.journal.EventKind;
import io.lyncemu.core.journal.JournalEvent;
import io.lyncemu.core.journal.JournalQuery;
import io.lyncemu.core.management.CmdletOutput;
import io.lyncemu.core.management.PowerShellFormatter;
import io.lyncemu.edge.peers.PartnerXmppClient;
import io.lyncemu.it.xmpp.XmppPartner.Security;
import io.lyncemu.junit.LyncEmulatorTest;
import io.lyncemu.junit.LyncEmulatorTest.Lifecycle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The interoperability proof, through the whole emulator: a Lync mobile user (MCX on the
 * Mobility Service → router → FE XMPP gateway → 23456 → Edge s2s on 5269) and a user of a real
 * Prosody ({@code fabrikam.com}, Smack client) exchange messages and presence both ways, with
 * dialback, once over plain s2s and once with STARTTLS. Both servers find each other through the
 * emulator's embedded DNS server. Every failure message carries Prosody's log tail and the
 * emulator's XMPP journal.
 */
@LyncEmulatorTest(lifecycle = Lifecycle.PER_METHOD)
class XmppFederationIT {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String KEN_SIP = "sip:kenmyer@litwareinc.com";
  private static final String KEN_JID = "kenmyer@litwareinc.com";
  private static final String KEN_LOGON = "litwareinc\\kenmyer";
  private static final String KEN_PASSWORD = "Ken!Lync2013";

  /**
   * PLAIN_DIALBACK and TLS_DIALBACK are the "once without TLS, once with" (dialback both
   * ways); TLS_SASL_EXTERNAL adds the case where the Edge trusts Prosody's certificate.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = Security.class,
      names = {"PLAIN_DIALBACK", "TLS_DIALBACK", "TLS_SASL_EXTERNAL"})
  void messagesAndPresenceFlowBothWaysBetweenProsodyAndAMobileLyncUser(
      Security security, LyncEmulator lync) throws Exception {
    try (XmppPartner fabrikam = XmppPartner.start(lync, security);
        McxTestUser ken = McxTestUser.signIn(lync, KEN_SIP, KEN_LOGON, KEN_PASSWORD)) {
      try {
        PartnerXmppClient alice = fabrikam.client("alice");
        String aliceSip = fabrikam.sipUri("alice");

        // Prosody → Lync: s2s inbound on the Edge, 23456 to the FE gateway, router, MCX events.
        String toLync = "hello Lync from Prosody " + UUID.randomUUID();
        alice.sendMessage(KEN_JID, toLync);
        ken.awaitEvent(
            "alice's message",
            e -> e.kind().equals("message") && e.from().equals(aliceSip) && e.text().equals(toLync),
            WAIT);

        // Lync → Prosody: MCX sendMessage, FE gateway, Edge dials Prosody (SRV in our DNS).
        String toXmpp = "hello Prosody from Lync " + UUID.randomUUID();
        ken.sendMessage(aliceSip, toXmpp);
        Message received = awaitMessage(alice, toXmpp);
        assertThat(received.getFrom().asBareJid().toString()).isEqualTo(KEN_JID);

        // alice watches ken: fabrikam.com is a Federated partner, so the request is approved at
        // once and ken's current availability (Online, no <show/>) follows.
        alice.subscribe(KEN_JID);
        awaitPresence(alice, "subscribed from ken", p -> p.getType() == Presence.Type.subscribed);
        awaitPresence(
            alice,
            "ken available",
            p -> p.getType() == Presence.Type.available && p.getMode() == Presence.Mode.available);

        // ken goes Busy on his phone: alice sees <show>dnd</show>.
        ken.publishPresence("Busy");
        awaitPresence(
            alice,
            "ken dnd",
            p -> p.getType() == Presence.Type.available && p.getMode() == Presence.Mode.dnd);

        // ken watches alice: the subscribe reaches her client, she approves and goes away.
        ken.subscribePresence(aliceSip);
        awaitPresence(
            alice, "ken's subscription request", p -> p.getType() == Presence.Type.subscribe);
        alice.subscribed(KEN_JID);
        alice.send(
            alice
                .connection()
                .getStanzaFactory()
                .buildPresenceStanza()
                .ofType(Presence.Type.available)
                .setMode(Presence.Mode.away)
                .build());
        ken.awaitEvent(
            "alice away",
            e ->
                e.kind().equals("presence")
                    && e.from().equals(aliceSip)
                    && e.availability().equals("Away"),
            WAIT);

        assertAuthenticatedBothWays(lync, security);
        assertNetstatWhileFederated(lync);
        assertProsodyFoundTheEdgeThroughTheEmulatorsDns(lync);
        assertProsodySawBothStreams(fabrikam, security.tls());
      } catch (AssertionError | Exception e) {
        throw fabrikam.explain(e);
      }
    }
  }

  @Test
  void testCsXmppImSucceedsWithThePartnerUpAndAliceGetsTheTestMessage(LyncEmulator lync)
      throws Exception {
    try (XmppPartner fabrikam = XmppPartner.start(lync, false)) {
      try {
        PartnerXmppClient alice = fabrikam.client("alice");

        CmdletOutput output =
            lync.invoke(
                "Test-CsXmppIM -TargetFqdn atl-cs-001.litwareinc.com -Receiver alice@fabrikam.com"
                    + " -UserSipAddress sip:kenmyer@litwareinc.com"
                    + " -UserCredential 'litwareinc\\kenmyer:Ken!Lync2013'");

        String text = PowerShellFormatter.formatList(output.objects());
        assertThat(text).as(text).contains("Result        : Success");
        assertThat(output.succeeded()).isTrue();
        Message received = awaitMessage(alice, "Test-CsXmppIM ");
        assertThat(received.getFrom().asBareJid().toString()).isEqualTo(KEN_JID);
        assertNetstatWhileFederated(lync);
      } catch (AssertionError | Exception e) {
        throw fabrikam.explain(e);
      }
    }
  }

  /** A message whose body starts with {@code body}; other messages (none expected) are skipped. */
  private static Message awaitMessage(PartnerXmppClient client, String body) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    List<String> seen = new ArrayList<>();
    while (true) {
      Duration left = Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
      Message m;
      try {
        m = client.awaitMessage(left);
      } catch (AssertionError timeout) {
        throw new AssertionError(
            client + " got no message starting '" + body + "' within " + WAIT + "; got " + seen,
            timeout);
      }
      if (m.getBody() != null && m.getBody().startsWith(body)) {
        return m;
      }
      seen.add(m.toXML().toString());
    }
  }

  private static Presence awaitPresence(
      PartnerXmppClient client, String what, Predicate<Presence> wanted) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    List<String> seen = new ArrayList<>();
    while (true) {
      Duration left = Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
      Presence p;
      try {
        p = client.awaitPresence(left);
      } catch (AssertionError timeout) {
        throw new AssertionError(
            client + " got no presence '" + what + "' within " + WAIT + "; got " + seen, timeout);
      }
      // only ken's presences count; Prosody also echoes alice's own
      if (p.getFrom() != null
          && p.getFrom().asBareJid().toString().equals(KEN_JID)
          && wanted.test(p)) {
        return p;
      }
      seen.add(p.toXML().toString());
    }
  }

  /**
   * XEP-0220 both ways: Prosody's db:result on its stream to us was judged valid (we asked its
   * authoritative server), and ours on our stream to Prosody was answered valid. With a CA-issued
   * certificate Prosody authenticates to us with SASL EXTERNAL instead.
   */
  private static void assertAuthenticatedBothWays(LyncEmulator lync, Security security) {
    List<JournalEvent> dialback = lync.journal().query(JournalQuery.kind(EventKind.XMPP_DIALBACK));
    boolean external = security == Security.TLS_SASL_EXTERNAL;
    assertThat(dialback)
        .as(
            "inbound fabrikam.com → litwareinc.com "
                + (external ? "SASL EXTERNAL success" : "dialback result valid"))
        .anySatisfy(
            e -> {
              assertThat(e.attribute("direction")).isEqualTo("inbound");
              assertThat(e.attribute("role")).isEqualTo(external ? "sasl-external" : "result");
              assertThat(e.attribute("originating")).isEqualTo(XmppPartner.DOMAIN);
              assertThat(e.attribute("receiving")).isEqualTo("litwareinc.com");
              assertThat(e.attribute("result")).isEqualTo(external ? "success" : "valid");
            });
    assertThat(dialback)
        .as("outbound litwareinc.com → fabrikam.com dialback result valid")
        .anySatisfy(
            e -> {
              assertThat(e.attribute("direction")).isEqualTo("outbound");
              assertThat(e.attribute("role")).isEqualTo("result");
              assertThat(e.attribute("originating")).isEqualTo("litwareinc.com");
              assertThat(e.attribute("receiving")).isEqualTo(XmppPartner.DOMAIN);
              assertThat(e.attribute("result")).isEqualTo("valid");
            });
  }

  /**
   * {@code netstat -ano | findstr :<5269>}: the listener plus the partner's stream to us; and the
   * FE ↔ Edge link on 23456 established.
   */
  private static void assertNetstatWhileFederated(LyncEmulator lync) {
    int s2s = lync.endpoints().get("xmpp-s2s").getPort();
    int internal = lync.endpoints().get("xmpp-internal").getPort();
    List<String> s2sStates = states(lync.invoke("Get-CsEmulatorNetstat -Port " + s2s));
    assertThat(s2sStates).as("netstat on " + s2s).contains("LISTENING", "ESTABLISHED");
    List<String> linkStates = states(lync.invoke("Get-CsEmulatorNetstat -Port " + internal));
    assertThat(linkStates).as("netstat on 23456 (" + internal + ")").contains("ESTABLISHED");
  }

  private static List<String> states(CmdletOutput netstat) {
    return netstat.objects().stream().map(row -> String.valueOf(row.get("State"))).toList();
  }

  private static void assertProsodyFoundTheEdgeThroughTheEmulatorsDns(LyncEmulator lync) {
    assertThat(lync.journal().query(JournalQuery.kind(EventKind.DNS_QUERY)))
        .as("Prosody asked the emulator's DNS for _xmpp-server._tcp.litwareinc.com")
        .anySatisfy(
            e -> assertThat(e.attribute("name")).contains("_xmpp-server._tcp.litwareinc.com"));
  }

  /**
   * Prosody's own view: both of its s2s sessions with litwareinc.com authenticated, and (with TLS)
   * both encrypted, as its info log lines say: {@code s2sout… Stream encrypted (TLSv1.3 …)}.
   */
  private static void assertProsodySawBothStreams(XmppPartner fabrikam, boolean tls) {
    String log = fabrikam.log();
    assertThat(log)
        .as("Prosody's s2s sessions")
        .contains("Outgoing s2s connection fabrikam.com->litwareinc.com complete")
        .contains("Incoming s2s connection litwareinc.com->fabrikam.com complete");
    Pattern encryptedOut = Pattern.compile("(?m)^.*s2sout\\S*\\s+info\\s+Stream encrypted .*$");
    Pattern encryptedIn = Pattern.compile("(?m)^.*s2sin\\S*\\s+info\\s+Stream encrypted .*$");
    if (tls) {
      assertThat(log).as("Prosody → Edge stream encrypted").containsPattern(encryptedOut);
      assertThat(log).as("Edge → Prosody stream encrypted").containsPattern(encryptedIn);
    } else {
      assertThat(log).as("no TLS on plain dialback").doesNotContain("Stream encrypted");
    }
  }
}
