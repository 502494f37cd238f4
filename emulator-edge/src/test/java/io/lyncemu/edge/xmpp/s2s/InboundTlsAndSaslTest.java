package io.lyncemu.edge.xmpp.s2s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lyncemu.core.federation.Negotiation;
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

/** TlsNegotiation and SaslNegotiation as they show on the wire of an inbound stream. */
class InboundTlsAndSaslTest {
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

  private SSLContext partnerTls(boolean withCertificate) throws Exception {
    SSLContext context = SSLContext.getInstance("TLS");
    KeyManagerFactory keys = null;
    if (withCertificate) {
      ServerIdentity fabrikam =
          edge.ca.serverIdentity("fabrikam", List.of("fabrikam.com"), List.of());
      keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(fabrikam.keyStore(), fabrikam.password());
    }
    context.init(
        keys == null ? null : keys.getKeyManagers(),
        InsecureTrustManagerFactory.INSTANCE.getTrustManagers(),
        null);
    return context;
  }

  @Test
  void tlsRequiredAdvertisesRequiredStartTlsAndRefusesCleartextStanzas() throws Exception {
    edge.partner(p -> S2sFixture.with(p, Negotiation.REQUIRED, Negotiation.OPTIONAL));
    try (RawXmppPeer partner = RawXmppPeer.connect(edge.port())) {
      String features =
          partner.header("fabrikam.com", "litwareinc.com").await("</stream:features>");
      assertThat(features)
          .contains("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'><required/></starttls>")
          .doesNotContain("dialback xmlns");
      partner.send("<message from='a@fabrikam.com' to='kenmyer@litwareinc.com'/>");
      assertThat(partner.awaitClose())
          .contains("<policy-violation")
          .contains("TLS is required for partner fabrikam.com");
    }
  }

  @Test
  void tlsNotSupportedOffersNoStartTlsAndFailsOneWhenAsked() throws Exception {
    edge.partner(p -> S2sFixture.with(p, Negotiation.NOT_SUPPORTED, Negotiation.NOT_SUPPORTED));
    try (RawXmppPeer partner = RawXmppPeer.connect(edge.port())) {
      String features =
          partner.header("fabrikam.com", "litwareinc.com").await("</stream:features>");
      assertThat(features).doesNotContain("starttls");
      partner.send("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
      assertThat(partner.awaitClose())
          .endsWith("<failure xmlns='urn:ietf:params:xml:ns:xmpp-tls'/></stream:stream>");
    }
  }

  @Test
  void startTlsThenSaslExternalWithACaIssuedCertificate() throws Exception {
    try (RawXmppPeer partner = RawXmppPeer.connect(edge.port())) {
      partner.header("fabrikam.com", "litwareinc.com").await("</stream:features>");
      partner.send("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>").await("<proceed");
      partner.startTls(partnerTls(true));
      String features =
          partner.header("fabrikam.com", "litwareinc.com").await("</stream:features>");
      assertThat(features).contains("<mechanism>EXTERNAL</mechanism>").doesNotContain("starttls");
      String authzid =
          Base64.getEncoder().encodeToString("fabrikam.com".getBytes(StandardCharsets.UTF_8));
      partner
          .send(
              "<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='EXTERNAL'>"
                  + authzid
                  + "</auth>")
          .await("<success");
      partner.header("fabrikam.com", "litwareinc.com").await("id=");
      partner.await("</stream:features>");
      partner.send(
          "<message from='alice@fabrikam.com' to='kenmyer@litwareinc.com'><body>tls</body></message>");
      await().atMost(Duration.ofSeconds(5)).until(() -> !edge.received.isEmpty());
    }
  }

  @Test
  void withoutACertificateSaslExternalIsNotOffered() throws Exception {
    try (RawXmppPeer partner = RawXmppPeer.connect(edge.port())) {
      partner.header("fabrikam.com", "litwareinc.com").await("</stream:features>");
      partner.send("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>").await("<proceed");
      partner.startTls(partnerTls(false));
      String features =
          partner.header("fabrikam.com", "litwareinc.com").await("</stream:features>");
      assertThat(features).doesNotContain("EXTERNAL").contains("urn:xmpp:features:dialback");
      partner.send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='EXTERNAL'>=</auth>");
      assertThat(partner.await("</failure>")).contains("<not-authorized/>");
    }
  }
}
