package io.lyncemu.edge.xmpp.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.lyncemu.core.net.ConnectionTable;
import io.lyncemu.core.routing.InstantMessage;
import io.lyncemu.core.routing.RouteResult;
import io.lyncemu.edge.testing.RecordingEndpoint;
import io.lyncemu.edge.xmpp.internal.GatewayLinkProtocol;
import io.lyncemu.edge.xmpp.stream.XmlElement;
import io.lyncemu.edge.xmpp.stream.XmppNamespaces;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The 23456 link over real sockets and mutual TLS, with a fake partner side behind the Edge. */
class GatewayLinkTest {
  private static final String KEN = "sip:kenmyer@litwareinc.com";
  @TempDir Path stateDir;
  private LinkFixture fixture;
  private final RecordingEndpoint ken = new RecordingEndpoint(KEN);

  @BeforeEach
  void setUp() {
    fixture = new LinkFixture(stateDir);
    fixture.router.register(ken);
  }

  @AfterEach
  void tearDown() {
    fixture.close();
  }

  private void startBoth() {
    fixture.edge.start();
    fixture.link.start();
    await().until(fixture.link::isUp);
  }

  private static InstantMessage toAlice(String text) {
    return new InstantMessage(
        "m-" + text.hashCode(), KEN, "sip:alice@fabrikam.com", null, text, Instant.now());
  }

  @Test
  void aMessageCrossesTheLinkBothWays() {
    startBoth();

    RouteResult result = fixture.router.route(toAlice("hello alice"));

    assertThat(result.outcome()).isEqualTo(RouteResult.Outcome.FORWARDED);
    await().until(() -> !fixture.partners.sent.isEmpty());
    XmlElement sent = fixture.partners.sent.get(0);
    assertThat(sent.name()).isEqualTo("message");
    assertThat(sent.attributes())
        .containsEntry("from", "kenmyer@litwareinc.com")
        .containsEntry("to", "alice@fabrikam.com")
        .containsEntry("type", "chat");
    assertThat(sent.child("body", XmppNamespaces.SERVER).orElseThrow().text())
        .isEqualTo("hello alice");

    fixture.partners.receive(
        XmlElement.builder("message", XmppNamespaces.SERVER)
            .attr("from", "alice@fabrikam.com/laptop")
            .attr("to", "kenmyer@litwareinc.com")
            .attr("type", "chat")
            .attr("id", "a1")
            .child(XmlElement.builder("body", XmppNamespaces.SERVER).text("hi ken"))
            .build());

    await().until(() -> !ken.received.isEmpty());
    assertThat(ken.received.get(0).from()).isEqualTo("sip:alice@fabrikam.com");
    assertThat(ken.received.get(0).text()).isEqualTo("hi ken");
  }

  @Test
  void aPartnerDeliveryFailureReachesTheSender() {
    fixture.partners.unreachable.add("fabrikam.com");
    startBoth();

    assertThat(fixture.router.route(toAlice("anyone there")).outcome())
        .isEqualTo(RouteResult.Outcome.FORWARDED);

    await().until(() -> !ken.failures.isEmpty());
    assertThat(ken.failures.get(0)).startsWith("remote-server-not-found");
  }

  @Test
  void bothEndsOfTheLinkAreInTheConnectionTable() {
    startBoth();

    await()
        .until(
            () ->
                fixture.connections.snapshot().stream()
                        .filter(e -> e.state() == ConnectionTable.State.ESTABLISHED)
                        .count()
                    == 2);
    int port = fixture.edgePort();
    assertThat(fixture.connections.snapshot())
        .anyMatch(e -> e.owner().equals("RTCXMPPTGWPX") && e.local().getPort() == port)
        .anyMatch(e -> e.owner().equals("RTCXMPPTGW") && e.remote().getPort() == port);
  }

  @Test
  void aClientWithoutACertificateIsRefused() throws Exception {
    fixture.edge.start();
    SSLSocket socket =
        (SSLSocket)
            fixture
                .ca
                .clientContext()
                .getSocketFactory()
                .createSocket("127.0.0.1", fixture.edgePort());
    try (socket) {
      Throwable refused =
          catchThrowable(
              () -> {
                socket.startHandshake();
                socket
                    .getOutputStream()
                    .write(
                        GatewayLinkProtocol.header("intruder.example", LinkFixture.EDGE, null)
                            .getBytes(StandardCharsets.UTF_8));
                InputStream in = socket.getInputStream();
                if (in.read() < 0) {
                  throw new java.io.EOFException("closed without a stream header");
                }
              });
      assertThat(refused).isInstanceOf(java.io.IOException.class);
    }
    assertThat(fixture.edge.openLinks()).isZero();
  }

  @Test
  void withoutAnAssignedRouteTheFrontEndNeverConnects() {
    fixture.deployment.update(
        "unassign", t -> t.withFederation(f -> f.withXmppFederationRoute("")));
    fixture.edge.start();
    fixture.link.start();

    assertThat(fixture.link.target()).isEmpty();
    assertThat(fixture.connections.snapshot())
        .allMatch(e -> e.state() == ConnectionTable.State.LISTENING);
    assertThat(fixture.router.route(toAlice("refused")).outcome())
        .isEqualTo(RouteResult.Outcome.FEDERATION_REFUSED);

    fixture.deployment.update(
        "assign", t -> t.withFederation(f -> f.withXmppFederationRoute(LinkFixture.EDGE)));
    await().until(fixture.link::isUp);

    fixture.deployment.update(
        "unassign", t -> t.withFederation(f -> f.withXmppFederationRoute("")));
    await()
        .until(
            () ->
                fixture.connections.snapshot().stream()
                    .allMatch(e -> e.state() == ConnectionTable.State.LISTENING));
    assertThat(fixture.link.isUp()).isFalse();
  }

  @Test
  void theFrontEndReconnectsWhenTheEdgeComesBack() {
    startBoth();

    fixture.edge.stop();
    await().until(() -> !fixture.link.isUp());
    assertThat(fixture.router.route(toAlice("edge down")).outcome())
        .isEqualTo(RouteResult.Outcome.FEDERATION_REFUSED);

    fixture.edge.start();
    await().until(fixture.link::isUp);
    assertThat(fixture.router.route(toAlice("edge back")).outcome())
        .isEqualTo(RouteResult.Outcome.FORWARDED);
  }
}
