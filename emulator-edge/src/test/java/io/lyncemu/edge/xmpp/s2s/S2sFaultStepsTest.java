package io.lyncemu.edge.xmpp.s2s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lyncemu.core.fault.Fault;
import io.lyncemu.core.fault.FaultRule;
import io.lyncemu.core.fault.FaultTarget;
import io.lyncemu.core.fault.Trigger;
import io.lyncemu.core.journal.EventKind;
import io.lyncemu.core.journal.JournalQuery;
import io.lyncemu.edge.xmpp.XmppDeliveryException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The s2s fault steps xmpp.dialback.verify and xmpp.outbound.connect, as scenarios use them. */
class S2sFaultStepsTest {
  @TempDir Path state;
  S2sFixture edge;

  @BeforeEach
  void start() {
    edge = new S2sFixture(state);
    edge.gateway(g -> S2sFixture.gateway(g, "s3cret", null, null));
  }

  @AfterEach
  void stop() {
    edge.close();
  }

  private void fault(String step, Fault fault) {
    edge.faults.add(
        new FaultRule("test", new FaultTarget(null, null, step), fault, new Trigger.Always()));
  }

  private static String verify(String id, String key) {
    return "<db:verify from='fabrikam.com' to='litwareinc.com' id='"
        + id
        + "'>"
        + key
        + "</db:verify>";
  }

  private static String key(String id) {
    return new DialbackKeys(() -> "s3cret").key("fabrikam.com", "litwareinc.com", id);
  }

  @Test
  void respondWithAtDialbackVerifyAnswersInvalidForTheRightKey() throws Exception {
    fault(S2sFaults.DIALBACK_VERIFY, new Fault.RespondWith(403, List.of(), ""));
    try (RawXmppPeer partner = RawXmppPeer.connect(edge.port())) {
      partner.header("fabrikam.com", "litwareinc.com").await("</stream:features>");
      partner.send(verify("abc123", key("abc123")));
      assertThat(partner.await("type='invalid'")).contains("id='abc123' type='invalid'");
    }
    assertThat(
            edge.journal.query(
                JournalQuery.kind(EventKind.FAULT_INJECTED).where("step", "xmpp.dialback.verify")))
        .singleElement()
        .satisfies(e -> assertThat(e.attribute("listener")).isEqualTo("xmpp-s2s"));
  }

  @Test
  void dropAtDialbackVerifyLeavesTheRequestUnansweredAndTheStreamServing() throws Exception {
    fault(S2sFaults.DIALBACK_VERIFY, new Fault.Drop());
    try (RawXmppPeer partner = RawXmppPeer.connect(edge.port())) {
      partner.header("fabrikam.com", "litwareinc.com").await("</stream:features>");
      partner.send(verify("abc123", key("abc123")));
      org.awaitility.Awaitility.await()
          .until(() -> !edge.journal.query(JournalQuery.kind(EventKind.FAULT_INJECTED)).isEmpty());
      edge.faults.remove("test");
      partner.send(verify("abc124", key("abc124")));

      String answered = partner.await("type='valid'");
      assertThat(answered).contains("id='abc124'").doesNotContain("id='abc123'");
    }
  }

  @Test
  void delayAtOutboundConnectBeyondTheEstablishmentTimeoutIsRemoteServerTimeout() {
    edge.gateway(g -> S2sFixture.gateway(g, null, null, 1));
    fault(S2sFaults.OUTBOUND_CONNECT, new Fault.Delay(Duration.ofSeconds(5)));

    var sent = edge.server.sendToPartner(OutboundStreamTest.message("alice@fabrikam.com", "late"));

    assertThatThrownBy(() -> sent.toCompletableFuture().join())
        .isInstanceOf(CompletionException.class)
        .cause()
        .satisfies(
            e ->
                assertThat(((XmppDeliveryException) e).condition())
                    .isEqualTo("remote-server-timeout"));
  }

  @Test
  void dropAtOutboundConnectIsRemoteServerNotFound() {
    fault(S2sFaults.OUTBOUND_CONNECT, new Fault.Drop());

    var sent = edge.server.sendToPartner(OutboundStreamTest.message("alice@fabrikam.com", "lost"));

    assertThatThrownBy(() -> sent.toCompletableFuture().join())
        .cause()
        .satisfies(
            e ->
                assertThat(((XmppDeliveryException) e).condition())
                    .isEqualTo("remote-server-not-found"));
  }
}
