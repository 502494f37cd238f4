package io.lyncemu.edge.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lyncemu.core.routing.InstantMessage;
import io.lyncemu.core.tls.ServerIdentity;
import io.lyncemu.edge.sip.routing.Diagnostics;
import io.lyncemu.edge.testing.RecordingEndpoint;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Access Edge over real TCP and TLS connections, with test partners on loopback. */
class AccessEdgeServerTest {
  private static final String KEN = "sip:kenmyer@litwareinc.com";
  @TempDir Path dir;
  private EdgeFixture f;

  @BeforeEach
  void start() {
    f = new EdgeFixture(dir, Duration.ofSeconds(3));
  }

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void optionsFromAllowedPartnerOverTlsAnswers200WithAllow() throws Exception {
    try (RawSipClient c = RawSipClient.tls(f.ca.clientContext(), f.tlsPort())) {
      RawSipClient.Reply r =
          c.send(c.request("OPTIONS", "sip:litwareinc.com", "sip:alice@contoso.com", KEN, ""));
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.header("allow").orElse("")).contains("MESSAGE");
    }
  }

  @Test
  void optionsFromUnknownDomainIs403WithDiagnostics() throws Exception {
    try (RawSipClient c = RawSipClient.tcp(f.tcpPort())) {
      RawSipClient.Reply r =
          c.send(c.request("OPTIONS", "sip:litwareinc.com", "sip:eve@evil.example", KEN, ""));
      assertThat(r.status()).isEqualTo(403);
      assertThat(r.header("ms-diagnostics").orElseThrow())
          .startsWith("1029;reason=\"" + Diagnostics.NOT_CONFIGURED_REASON)
          .contains("domain=\"evil.example\"")
          .contains("source=\"sip.litwareinc.com\"");
    }
  }

  @Test
  void inboundMessageReachesTheSignedInUser() throws Exception {
    RecordingEndpoint ken = new RecordingEndpoint(KEN);
    f.cleanupLater(f.router.register(ken));
    try (RawSipClient c = RawSipClient.tcp(f.tcpPort())) {
      RawSipClient.Reply r =
          c.send(c.request("MESSAGE", KEN, "sip:alice@contoso.com", KEN, "hello Ken"));
      assertThat(r.status()).isEqualTo(200);
      assertThat(ken.received)
          .singleElement()
          .satisfies(
              m -> {
                assertThat(m.text()).isEqualTo("hello Ken");
                assertThat(m.from()).isEqualTo("sip:alice@contoso.com");
              });
      RawSipClient.Reply offline =
          c.send(
              c.request(
                  "MESSAGE",
                  "sip:packerman@litwareinc.com",
                  "sip:alice@contoso.com",
                  "sip:packerman@litwareinc.com",
                  "hi"));
      assertThat(offline.status()).isEqualTo(480);
      RawSipClient.Reply unknown =
          c.send(
              c.request(
                  "MESSAGE",
                  "sip:nobody@litwareinc.com",
                  "sip:alice@contoso.com",
                  "sip:nobody@litwareinc.com",
                  "hi"));
      assertThat(unknown.status()).isEqualTo(404);
    }
  }

  @Test
  void federationSwitchedOffAppliesToTheNextRequest() throws Exception {
    try (RawSipClient c = RawSipClient.tcp(f.tcpPort())) {
      f.deployment.update(
          "off",
          t ->
              t.withFederation(
                  x -> x.withAccessEdge(x.accessEdge().withAllowFederatedUsers(false))));
      RawSipClient.Reply r =
          c.send(c.request("OPTIONS", "sip:litwareinc.com", "sip:alice@contoso.com", KEN, ""));
      assertThat(r.status()).isEqualTo(403);
      assertThat(r.header("ms-diagnostics").orElseThrow()).startsWith("1030;");
    }
  }

  @Test
  void otherMethodsGetLyncsCannotRoute() throws Exception {
    try (RawSipClient c = RawSipClient.tcp(f.tcpPort())) {
      RawSipClient.Reply r = c.send(c.request("INFO", KEN, "sip:alice@contoso.com", KEN, ""));
      assertThat(r.status()).isEqualTo(403);
      assertThat(r.header("ms-diagnostics").orElseThrow())
          .startsWith("1027;reason=\"Cannot route this type of SIP request");
    }
  }

  @Test
  void lyncUsersMessageReachesTheTcpPartnerEdge() throws Exception {
    try (TinySipUas partner = TinySipUas.tcp(200, "OK")) {
      f.partnerDns("contoso.com", "sip.contoso.com", partner.port());
      f.cleanupLater(f.edge.partnerTransports().useTcp("sip.contoso.com"));
      RecordingEndpoint ken = new RecordingEndpoint(KEN);
      f.cleanupLater(f.router.register(ken));
      var result =
          f.router.route(
              new InstantMessage(
                  "m1", KEN, "sip:bob@contoso.com", "text/plain", "hi Bob", Instant.now()));
      assertThat(result.outcome().name()).isEqualTo("FORWARDED");
      String request = partner.requests.poll(10, TimeUnit.SECONDS);
      assertThat(request).startsWith("MESSAGE sip:bob@contoso.com SIP/2.0").endsWith("hi Bob");
      assertThat(request).contains("From: <sip:kenmyer@litwareinc.com>");
      assertThat(ken.failures).isEmpty();
    }
  }

  @Test
  void partnerErrorReachesTheSenderAsDeliveryFailure() throws Exception {
    try (TinySipUas partner = TinySipUas.tcp(480, "Temporarily Unavailable")) {
      f.partnerDns("contoso.com", "sip.contoso.com", partner.port());
      f.cleanupLater(f.edge.partnerTransports().useTcp("sip.contoso.com"));
      RecordingEndpoint ken = new RecordingEndpoint(KEN);
      f.cleanupLater(f.router.register(ken));
      f.router.route(
          new InstantMessage("m2", KEN, "sip:bob@contoso.com", "text/plain", "hi", Instant.now()));
      await().atMost(Duration.ofSeconds(10)).until(() -> !ken.failures.isEmpty());
      assertThat(ken.failures.get(0)).startsWith("480 Temporarily Unavailable").contains("1034;");
    }
  }

  @Test
  void pushRequestGoesToTheHostingProviderOverTls() throws Exception {
    ServerIdentity clearingHouse =
        f.ca.serverIdentity(
            "clearing-house", List.of("sipfed.online.lync.com"), List.of("127.0.0.1"));
    try (TinySipUas partner = TinySipUas.tls(clearingHouse.serverContext(), 200, "OK")) {
      f.partnerDns("push.lync.com", "sipfed.online.lync.com", 5061);
      f.deployment.update(
          "clearing house",
          t ->
              t.withDns(
                  t.dns()
                      .withZone("online.lync.com")
                      .withRecord(
                          io.lyncemu.core.dns.DnsRecord.a(
                              "online.lync.com", "sipfed", "127.0.0.1"))));
      f.cleanupLater(f.ports.register("sipfed.online.lync.com", 5061, partner.port()));
      SipOutcome outcome =
          f.edge
              .sendFromInside(
                  SipRequestSpec.message(
                      "sip:atl-cs-001.litwareinc.com", "sip:push@push.lync.com",
                      "application/xml", "<push/>"))
              .toCompletableFuture()
              .get(15, TimeUnit.SECONDS);
      assertThat(outcome.status()).isEqualTo(200);
      assertThat(partner.requests.poll(5, TimeUnit.SECONDS))
          .startsWith("MESSAGE sip:push@push.lync.com SIP/2.0");
    }
  }

  @Test
  void unreachablePartnerIs504() throws Exception {
    int closedPort;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    f.partnerDns("contoso.com", "sip.contoso.com", closedPort);
    try (RawSipClient c = RawSipClient.tls(f.ca.clientContext(), f.tlsPort())) {
      RawSipClient.Reply r =
          c.send(
              c.request(
                  "OPTIONS",
                  "sip:contoso.com",
                  "sip:atl-edge-001.litwareinc.com",
                  "sip:contoso.com",
                  ""));
      assertThat(r.status()).isEqualTo(504);
      assertThat(r.reason()).isEqualTo("Server time-out");
      assertThat(r.header("ms-diagnostics").orElseThrow())
          .startsWith("2;reason=\"See response code and reason phrase\"")
          .contains("source=\"atl-edge-001.litwareinc.com\"");
    }
  }

  @Test
  void unknownPartnerHostIs504WithDnsDiagnostic() throws Exception {
    SipOutcome outcome =
        f.edge
            .sendFromInside(SipRequestSpec.options(KEN, "sip:contoso.com"))
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
    assertThat(outcome.status()).isEqualTo(504);
    assertThat(outcome.msDiagnostics())
        .startsWith("1008;reason=\"Unable to resolve DNS SRV record\"");
  }

  @Test
  void malformedInputGetsAnErrorOrCloseAndOthersAreStillServed() throws Exception {
    List<String> bad =
        List.of(
            "GARBAGE \u0001\u0002 not sip at all\r\n\r\n",
            "OPTIONS sip:litwareinc.com SIP/2.0\r\nVia: SIP/2.0/TCP 127.0.0.1:1;branch=z9hG4bKx\r\n"
                + "Content-Length: 0\r\n\r\n",
            "MESSAGE sip:kenmyer@litwareinc.com SIP/2.0\r\nContent-Length: 999999999\r\n\r\nx",
            "MESSAGE sip:kenmyer@litwareinc.com SIP/2.0\r\nContent-Length: 1048576\r\n\r\n"
                + "x".repeat(1_048_576));
    for (String raw : bad) {
      try (RawSipClient c = RawSipClient.tcp(f.tcpPort())) {
        try {
          c.write(raw);
          RawSipClient.Reply r = c.read();
          assertThat(r.status()).isBetween(400, 499);
        } catch (java.io.IOException closed) {
          // Closing the connection is an acceptable answer to garbage.
        }
      }
      try (RawSipClient good = RawSipClient.tcp(f.tcpPort())) {
        assertThat(
                good.send(
                        good.request(
                            "OPTIONS", "sip:litwareinc.com", "sip:alice@contoso.com", KEN, ""))
                    .status())
            .isEqualTo(200);
      }
    }
  }

  @Test
  void listenersAreRegisteredWhileRunning() {
    assertThat(f.ports.actual("sip.litwareinc.com", 5061)).contains(f.tlsPort());
    assertThat(f.connections.snapshot()).hasSize(2);
    f.edge.stop();
    assertThat(f.ports.actual("sip.litwareinc.com", 5061)).isEmpty();
    assertThat(f.connections.snapshot()).isEmpty();
  }
}
