package io.lyncemu.edge.xmpp.stream;

import static io.lyncemu.edge.xmpp.stream.StreamHarness.OPENFIRE_HEADER;
import static io.lyncemu.edge.xmpp.stream.StreamHarness.PROSODY_HEADER;
import static org.assertj.core.api.Assertions.assertThat;

import io.lyncemu.edge.xmpp.stream.XmppStreamEvent.StreamOpened;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class XmppStreamRestartTest {
  private static final String STARTTLS = "<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>";
  private static final String SUCCESS = "<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>";

  private static Predicate<XmlElement> named(String name) {
    return e -> e.name().equals(name);
  }

  @Test
  void aNewHeaderAfterStartTlsOnceTheHandshakeIsDone() {
    StreamHarness h = new StreamHarness().restartOn(named("starttls"));
    h.write(PROSODY_HEADER).write(STARTTLS);
    // ... TLS handshake: the session has put an SslHandler in front; decrypted bytes follow
    h.write(OPENFIRE_HEADER).write("<presence/>");

    assertThat(h.errors).isEmpty();
    assertThat(h.events).hasSize(4);
    assertThat(((StreamOpened) h.events.get(2)).attribute("from")).isEqualTo("openfire.example");
    assertThat(h.stanzas().get(1).name()).isEqualTo("presence");
  }

  @Test
  void theNewHeaderMayFollowWithoutAnXmlDeclarationOrWithOne() {
    StreamHarness h = new StreamHarness().restartOn(named("success"));
    h.write(OPENFIRE_HEADER).write(SUCCESS).write(PROSODY_HEADER).write(SUCCESS);
    h.write(OPENFIRE_HEADER);

    assertThat(h.events).filteredOn(StreamOpened.class::isInstance).hasSize(3);
    assertThat(h.errors).isEmpty();
  }

  @Test
  void bytesBufferedBehindTheSaslSuccessAreTheNewStream() {
    StreamHarness h = new StreamHarness().restartOn(named("success"));

    h.write(PROSODY_HEADER + SUCCESS + "\n" + OPENFIRE_HEADER + "<db:result to='x'>k</db:result>");

    assertThat(h.errors).isEmpty();
    assertThat(h.events).hasSize(4);
    assertThat(((StreamOpened) h.events.get(2)).attribute("from")).isEqualTo("openfire.example");
    assertThat(h.stanzas().get(1).namespace()).isEqualTo(XmppNamespaces.DIALBACK);
  }

  @Test
  void byteByByteRestartLosesNothing() {
    StreamHarness h = new StreamHarness().restartOn(named("success"));

    h.writeByteByByte(PROSODY_HEADER + SUCCESS + OPENFIRE_HEADER + "<presence/>");

    assertThat(h.errors).isEmpty();
    assertThat(h.events).hasSize(4);
  }

  @Test
  void plaintextBufferedBehindStartTlsIsAPolicyViolation() {
    StreamHarness h = new StreamHarness().restartOn(named("starttls"));

    // A man in the middle appends a stanza before TLS starts (CVE-2011-0411 style injection).
    h.write(PROSODY_HEADER + STARTTLS + "<message to='victim'><body>injected</body></message>");

    assertThat(h.error().condition()).isEqualTo(StreamErrorCondition.POLICY_VIOLATION);
    assertThat(h.stanzas()).hasSize(1);
  }

  @Test
  void plaintextBufferedBehindProceedIsAPolicyViolationToo() {
    StreamHarness h = new StreamHarness().restartOn(named("proceed"));

    h.write(
        OPENFIRE_HEADER + "<proceed xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>" + OPENFIRE_HEADER);

    assertThat(h.error().condition()).isEqualTo(StreamErrorCondition.POLICY_VIOLATION);
  }

  @Test
  void aStreamThatIsClosedCanBeRestartedToo() {
    StreamHarness h = new StreamHarness().write(PROSODY_HEADER + "</stream:stream>");
    h.decoder.reset();
    h.write(OPENFIRE_HEADER);

    assertThat(h.events).hasSize(3);
  }
}
