package io.lyncemu.edge.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SIPp harness against itself: a UAC's OPTIONS gets whatever the UAS is told to answer. */
class SippPeerTest {
  private static final SipRequest OPTIONS =
      SipRequest.options("sip:bob@contoso.com", "sip:alice@partner.example", "sip:bob@contoso.com");

  @BeforeEach
  void requireSipp() {
    Peer.sipp().require();
  }

  @Test
  void uacSeesTheUasOk() throws Exception {
    try (SippPeer uas = SippPeer.uas(200)) {
      SippResult uac = SippPeer.send("127.0.0.1", uas.port(), OPTIONS, 200);

      assertThat(uac.finalStatus()).as(uac.toString()).isEqualTo(200);
      assertThat(uac.exitCode()).as(uac.toString()).isZero();
      SippResult served = uas.awaitRequests(1, Duration.ofSeconds(5));
      assertThat(served.receivedRequests())
          .singleElement()
          .satisfies(
              request -> {
                assertThat(request.startLine()).isEqualTo("OPTIONS sip:bob@contoso.com SIP/2.0");
                assertThat(request.header("From"))
                    .hasValueSatisfying(
                        from -> assertThat(from).startsWith("<sip:alice@partner.example>;tag="));
              });
      assertThat(served.finalStatus()).isEqualTo(200);
    }
  }

  @Test
  void uacSeesTheUasTimeout() throws Exception {
    try (SippPeer uas = SippPeer.uas(504)) {
      SippResult uac = SippPeer.send("127.0.0.1", uas.port(), OPTIONS, 504);

      assertThat(uac.finalStatus()).as(uac.toString()).isEqualTo(504);
      assertThat(uac.received())
          .last()
          .satisfies(
              response ->
                  assertThat(response.startLine()).isEqualTo("SIP/2.0 504 Server Time-out"));
    }
  }

  @Test
  void aDifferentStatusThanExpectedIsStillReported() throws Exception {
    // The UAC expects 200; the trace still tells the test what did come back, and SIPp fails.
    try (SippPeer uas = SippPeer.uas(504)) {
      SippResult uac = SippPeer.send("127.0.0.1", uas.port(), OPTIONS, 200);

      assertThat(uac.finalStatus()).as(uac.toString()).isEqualTo(504);
      assertThat(uac.exitCode()).as(uac.toString()).isNotZero();
      assertThat(uac.sent())
          .as(uac.toString())
          .singleElement()
          .satisfies(sent -> assertThat(sent.method()).isEqualTo("OPTIONS"));
    }
  }

  @Test
  void messageCarriesItsBody() throws Exception {
    try (SippPeer uas = SippPeer.uas(200)) {
      SipRequest message =
          SipRequest.message(
              "sip:bob@contoso.com", "sip:alice@partner.example", "sip:bob@contoso.com", "hi bob");
      SippResult uac = SippPeer.send("127.0.0.1", uas.port(), message, 200);

      assertThat(uac.finalStatus()).as(uac.toString()).isEqualTo(200);
      SipMessage received = uas.awaitRequests(1, Duration.ofSeconds(5)).receivedRequests().get(0);
      assertThat(received.method()).isEqualTo("MESSAGE");
      assertThat(received.body().strip()).isEqualTo("hi bob");
      // SIPp ends every body line with CRLF: "hi bob" goes out as 8 bytes.
      assertThat(received.header("Content-Length")).hasValue("8");
    }
  }
}
