package io.lyncemu.edge.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lyncemu.core.journal.EventKind;
import io.lyncemu.core.journal.JournalQuery;
import io.lyncemu.core.routing.InstantMessage;
import io.lyncemu.edge.peers.Peer;
import io.lyncemu.edge.peers.SipMessage;
import io.lyncemu.edge.peers.SipRequest;
import io.lyncemu.edge.peers.SippPeer;
import io.lyncemu.edge.peers.SippResult;
import io.lyncemu.edge.sip.routing.Diagnostics;
import io.lyncemu.edge.testing.RecordingEndpoint;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SIPp proof: Debian's SIPp (no TLS, hence the Access Edge's emulator-only TCP
 * listener) as a federated partner's edge, both ways. Inbound, a SIPp UAC sends OPTIONS and MESSAGE
 * from an allowed domain (contoso.com) and from one that is not (evil.example); outbound, a SIPp
 * UAS is contoso.com's edge, found through the emulated {@code _sipfederationtls._tcp} SRV record
 * and dialled over TCP.
 */
class AccessEdgeSippTest {
  private static final String KEN = "sip:kenmyer@litwareinc.com";
  private static final String ALICE = "sip:alice@contoso.com";
  private static final String EVE = "sip:eve@evil.example";
  private static final Duration WAIT = Duration.ofSeconds(15);
  @TempDir Path dir;
  private EdgeFixture f;

  @BeforeEach
  void start() {
    Peer.sipp().require();
    f = new EdgeFixture(dir, Duration.ofSeconds(5));
  }

  @AfterEach
  void stop() {
    if (f != null) {
      f.close();
    }
  }

  private SippResult send(SipRequest request, int expected) throws Exception {
    return SippPeer.send("127.0.0.1", f.tcpPort(), request, expected);
  }

  private static SipMessage finalResponse(SippResult result) {
    return result.received().stream()
        .filter(m -> m.statusCode() >= 200)
        .reduce((first, second) -> second)
        .orElseThrow(() -> new AssertionError("no final response\n" + result));
  }

  @Test
  void optionsFromAnAllowedPartnerIs200() throws Exception {
    SippResult r = send(SipRequest.options(KEN, ALICE, KEN), 200);

    assertThat(r.finalStatus()).as(r.toString()).isEqualTo(200);
    assertThat(finalResponse(r).header("Allow"))
        .hasValueSatisfying(a -> assertThat(a).contains("MESSAGE"));
  }

  @Test
  void messageFromAnAllowedPartnerReachesTheSignedInUser() throws Exception {
    RecordingEndpoint ken = new RecordingEndpoint(KEN);
    f.cleanupLater(f.router.register(ken));

    SippResult r = send(SipRequest.message(KEN, ALICE, KEN, "hello Ken from SIPp"), 200);

    assertThat(r.finalStatus()).as(r.toString()).isEqualTo(200);
    assertThat(ken.received)
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.from()).isEqualTo(ALICE);
              // SIPp ends body lines with CRLF
              assertThat(m.text().strip()).isEqualTo("hello Ken from SIPp");
            });
  }

  @Test
  void messageToAnOfflineUserIs480() throws Exception {
    SippResult r = send(SipRequest.message(KEN, ALICE, KEN, "anyone there?"), 480);

    assertThat(r.finalStatus()).as(r.toString()).isEqualTo(480);
  }

  @Test
  void requestsFromADomainThatIsNotAllowedAre403WithLyncsReason() throws Exception {
    RecordingEndpoint ken = new RecordingEndpoint(KEN);
    f.cleanupLater(f.router.register(ken));

    for (SipRequest request :
        new SipRequest[] {
          SipRequest.options(KEN, EVE, KEN), SipRequest.message(KEN, EVE, KEN, "let me in")
        }) {
      SippResult r = send(request, 403);

      assertThat(r.finalStatus()).as(r.toString()).isEqualTo(403);
      assertThat(finalResponse(r).header("ms-diagnostics"))
          .as(r.toString())
          .hasValueSatisfying(
              d ->
                  assertThat(d)
                      .contains(
                          "reason=\"The domain of the message is not configured and does not"
                              + " appear to belong to a federated partner\"")
                      .contains("domain=\"evil.example\""));
    }
    assertThat(Diagnostics.NOT_CONFIGURED_REASON)
        .isEqualTo(
            "The domain of the message is not configured and does not appear to belong to a"
                + " federated partner");
    assertThat(ken.received).isEmpty();
  }

  @Test
  void lyncUsersMessageReachesTheSippPartnerEdge() throws Exception {
    try (SippPeer contoso = SippPeer.uas(200)) {
      RecordingEndpoint ken = partner(contoso);

      f.router.route(im("sipp-1", "hi Bob from Lync"));

      SipMessage request = contoso.awaitRequests(1, WAIT).receivedRequests().get(0);
      assertThat(request.startLine()).isEqualTo("MESSAGE sip:bob@contoso.com SIP/2.0");
      assertThat(request.header("From"))
          .hasValueSatisfying(from -> assertThat(from).contains("<" + KEN + ">"));
      assertThat(request.body().strip()).isEqualTo("hi Bob from Lync");
      assertThat(contoso.result().finalStatus()).isEqualTo(200);
      // a failure would arrive asynchronously; the journal's response event says the 200 came back
      await("the edge relayed the partner's 200")
          .atMost(WAIT)
          .until(
              () ->
                  f.journal.query(JournalQuery.kind(EventKind.SIP_RESPONSE)).stream()
                      .anyMatch(
                          e ->
                              "outbound".equals(e.attribute("direction"))
                                  && "200".equals(e.attribute("status"))));
      assertThat(ken.failures).isEmpty();
    }
  }

  @Test
  void thePartnersTimeoutReachesTheSenderAsDeliveryFailure() throws Exception {
    try (SippPeer contoso = SippPeer.uas(504)) {
      RecordingEndpoint ken = partner(contoso);

      f.router.route(im("sipp-2", "hi Bob, are you there?"));

      await("ken's delivery failure").atMost(WAIT).until(() -> !ken.failures.isEmpty());
      assertThat(ken.failures.get(0)).startsWith("504 ");
      assertThat(contoso.result().receivedRequests()).hasSize(1);
    }
  }

  /** contoso.com's SRV record → sip.contoso.com:SIPp's port, dialled over TCP; ken signed in. */
  private RecordingEndpoint partner(SippPeer contoso) {
    f.partnerDns("contoso.com", "sip.contoso.com", contoso.port());
    f.cleanupLater(f.edge.partnerTransports().useTcp("sip.contoso.com"));
    RecordingEndpoint ken = new RecordingEndpoint(KEN);
    f.cleanupLater(f.router.register(ken));
    return ken;
  }

  private static InstantMessage im(String id, String text) {
    return new InstantMessage(id, KEN, "sip:bob@contoso.com", "text/plain", text, Instant.now());
  }
}
