package io.lyncemu.edge.xmpp.s2s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.lyncemu.core.journal.EventKind;
import io.lyncemu.core.journal.JournalQuery;
import io.lyncemu.edge.xmpp.XmppDeliveryException;
import io.lyncemu.edge.xmpp.stream.XmlElement;
import io.lyncemu.edge.xmpp.stream.XmppNamespaces;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sendToPartner: SRV look-up, dialback in the originating role, reuse, and failures. */
class OutboundStreamTest {
  @TempDir Path state;
  S2sFixture edge;
  FakeReceivingServer fabrikam;

  @BeforeEach
  void start() throws Exception {
    edge = new S2sFixture(state);
    fabrikam = new FakeReceivingServer(edge::port);
  }

  @AfterEach
  void stop() throws Exception {
    fabrikam.close();
    edge.close();
  }

  static XmlElement message(String to, String body) {
    return XmlElement.builder("message", XmppNamespaces.SERVER)
        .attr("from", "kenmyer@litwareinc.com/lync")
        .attr("to", to)
        .attr("type", "chat")
        .child(XmlElement.builder("body", XmppNamespaces.SERVER).text(body))
        .build();
  }

  @Test
  void twoMessagesTravelOverOneDialbackAuthenticatedStream() throws Exception {
    edge.resolver.xmppServer("fabrikam.com", "xmpp.fabrikam.com", fabrikam.port());
    var first = edge.server.sendToPartner(message("alice@fabrikam.com", "one"));
    var second = edge.server.sendToPartner(message("alice@fabrikam.com", "two"));
    first.toCompletableFuture().get(10, TimeUnit.SECONDS);
    second.toCompletableFuture().get(10, TimeUnit.SECONDS);
    edge.server
        .sendToPartner(message("bob@fabrikam.com", "three"))
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
    await().atMost(Duration.ofSeconds(5)).until(() -> fabrikam.received().contains("three</body>"));
    assertThat(fabrikam.received()).contains("one</body>").contains("two</body>");
    assertThat(fabrikam.connections.get()).isEqualTo(1);
    assertThat(
            edge.journal.query(
                JournalQuery.kind(EventKind.XMPP_DIALBACK)
                    .where("role", "verify")
                    .where("result", "valid")))
        .hasSize(1);
  }

  @Test
  void aPartnerWithoutServerIsRemoteServerNotFound() {
    var sent = edge.server.sendToPartner(message("alice@fabrikam.com", "lost"));
    assertThatThrownBy(() -> sent.toCompletableFuture().join())
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOf(XmppDeliveryException.class)
        .satisfies(
            e ->
                assertThat(((XmppDeliveryException) e).condition())
                    .isEqualTo("remote-server-not-found"));
  }

  @Test
  void anUnreachablePartnerIsRemoteServerNotFound() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    edge.resolver.xmppServer("fabrikam.com", "xmpp.fabrikam.com", closedPort);
    var sent = edge.server.sendToPartner(message("alice@fabrikam.com", "lost"));
    assertThatThrownBy(() -> sent.toCompletableFuture().join())
        .cause()
        .satisfies(
            e ->
                assertThat(((XmppDeliveryException) e).condition())
                    .isEqualTo("remote-server-not-found"));
  }

  @Test
  void aDomainThatIsNotAnAllowedPartnerIsNotAllowed() {
    var sent = edge.server.sendToPartner(message("eve@evil.example", "no"));
    assertThatThrownBy(() -> sent.toCompletableFuture().join())
        .cause()
        .satisfies(
            e -> assertThat(((XmppDeliveryException) e).condition()).isEqualTo("not-allowed"));
  }

  @Test
  void tlsRequiredButNotOfferedIsAPolicyViolationOnBothSides() throws Exception {
    edge.partner(
        p ->
            S2sFixture.with(
                p,
                io.lyncemu.core.federation.Negotiation.REQUIRED,
                io.lyncemu.core.federation.Negotiation.OPTIONAL));
    edge.resolver.xmppServer("fabrikam.com", "xmpp.fabrikam.com", fabrikam.port());
    var sent = edge.server.sendToPartner(message("alice@fabrikam.com", "secret"));
    assertThatThrownBy(() -> sent.toCompletableFuture().join())
        .cause()
        .satisfies(
            e -> {
              assertThat(((XmppDeliveryException) e).condition()).isEqualTo("policy-violation");
              assertThat(e.getMessage()).contains("does not offer STARTTLS");
            });
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> fabrikam.received().contains("<policy-violation"));
    assertThat(fabrikam.received()).doesNotContain("secret</body>");
  }

  @Test
  void enableKeepAliveSendsWhitespaceOnAnIdleStream() throws Exception {
    edge.timers(1, 600);
    edge.resolver.xmppServer("fabrikam.com", "xmpp.fabrikam.com", fabrikam.port());
    edge.server
        .sendToPartner(message("alice@fabrikam.com", "ping me"))
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> fabrikam.received().matches("(?s).*ping me</body></message> +"));
  }
}
