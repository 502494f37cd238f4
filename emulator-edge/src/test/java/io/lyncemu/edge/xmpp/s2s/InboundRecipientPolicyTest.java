package io.lyncemu.edge.xmpp.s2s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lyncemu.core.tls.ServerIdentity;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a partner gets back for stanzas the Edge will not pass inside: errors travel over the Edge's
 * own outbound stream to the partner (s2s streams are one-way), here to a fake fabrikam.
 */
class InboundRecipientPolicyTest {
  @TempDir Path state;
  S2sFixture edge;
  FakeReceivingServer fabrikam;
  RawXmppPeer partner;

  @BeforeEach
  void start() throws Exception {
    edge = new S2sFixture(state);
    fabrikam = new FakeReceivingServer(edge::port);
    edge.resolver.xmppServer("fabrikam.com", "xmpp.fabrikam.com", fabrikam.port());
    partner = authenticatedWithSaslExternal();
  }

  @AfterEach
  void stop() throws Exception {
    partner.close();
    fabrikam.close();
    edge.close();
  }

  private RawXmppPeer authenticatedWithSaslExternal() throws Exception {
    ServerIdentity id = edge.ca.serverIdentity("fabrikam", List.of("fabrikam.com"), List.of());
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(id.keyStore(), id.password());
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(keys.getKeyManagers(), InsecureTrustManagerFactory.INSTANCE.getTrustManagers(), null);
    RawXmppPeer p = RawXmppPeer.connect(edge.port());
    p.header("fabrikam.com", "litwareinc.com").await("</stream:features>");
    p.send("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>").await("<proceed");
    p.startTls(tls);
    p.header("fabrikam.com", "litwareinc.com").await("</stream:features>");
    String authzid =
        Base64.getEncoder().encodeToString("fabrikam.com".getBytes(StandardCharsets.UTF_8));
    p.send(
            "<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='EXTERNAL'>"
                + authzid
                + "</auth>")
        .await("<success");
    p.header("fabrikam.com", "litwareinc.com").await("</stream:features>");
    return p;
  }

  @Test
  void aMessageToAnUnknownUserIsServiceUnavailable() throws Exception {
    partner.send(
        "<message id='m1' from='alice@fabrikam.com' to='nobody@litwareinc.com'><body>?</body></message>");
    await().atMost(Duration.ofSeconds(10)).until(() -> fabrikam.received().contains("id='m1'"));
    assertThat(fabrikam.received()).contains("type='error'").contains("<service-unavailable");
    assertThat(edge.received).isEmpty();
  }

  @Test
  void aMessageToAUserWithoutXmppAccessIsForbidden() throws Exception {
    edge.topology.updateAndGet(
        t ->
            t.withFederation(
                f ->
                    f.withExternalAccessPolicy(
                        "Global", p -> p.with(null, null, false, null, null, null))));
    partner.send(
        "<message id='m2' from='alice@fabrikam.com' to='kenmyer@litwareinc.com'><body>?</body></message>");
    await().atMost(Duration.ofSeconds(10)).until(() -> fabrikam.received().contains("id='m2'"));
    assertThat(fabrikam.received())
        .contains("<forbidden")
        .contains("not enabled for XMPP federation");
    assertThat(edge.received).isEmpty();
  }

  @Test
  void aPingIsAnsweredAndOtherIqsAreServiceUnavailable() throws Exception {
    partner.send(
        "<iq id='p1' type='get' from='fabrikam.com' to='litwareinc.com'><ping xmlns='urn:xmpp:ping'/></iq>");
    partner.send(
        "<iq id='v1' type='get' from='fabrikam.com' to='litwareinc.com'><query xmlns='jabber:iq:version'/></iq>");
    await().atMost(Duration.ofSeconds(10)).until(() -> fabrikam.received().contains("id='v1'"));
    assertThat(fabrikam.received())
        .contains("id='p1' type='result'")
        .containsPattern("id='v1' type='error'>.*<service-unavailable");
  }

  @Test
  void aStanzaForAnotherServerIsHostUnknown() throws Exception {
    partner.send("<message from='alice@fabrikam.com' to='bob@contoso.com'/>");
    assertThat(partner.awaitClose()).contains("<host-unknown");
  }
}
