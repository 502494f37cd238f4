package io.lyncemu.edge.xmpp.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lyncemu.edge.xmpp.stream.XmppStreamEvent.StreamClosed;
import io.lyncemu.edge.xmpp.stream.XmppStreamEvent.StreamOpened;
import java.util.Map;
import org.junit.jupiter.api.Test;

class XmppStreamWriterTest {
  private static final String HEADER =
      XmppStreamWriter.streamHeader("lync.example.com", "prosody.example", "s2s-1");

  private static XmlElement roundTrip(XmlElement element) {
    StreamHarness h = new StreamHarness().write(HEADER).write(XmppStreamWriter.element(element));
    assertThat(h.errors).isEmpty();
    assertThat(h.stanzas()).hasSize(1);
    return h.stanzas().get(0);
  }

  @Test
  void headerDeclaresOurNamespacesAndAttributes() {
    assertThat(HEADER)
        .isEqualTo(
            "<?xml version='1.0'?><stream:stream xmlns='jabber:server'"
                + " xmlns:stream='http://etherx.jabber.org/streams'"
                + " xmlns:db='jabber:server:dialback' from='lync.example.com'"
                + " to='prosody.example' id='s2s-1' version='1.0'>");

    StreamOpened opened = (StreamOpened) new StreamHarness().write(HEADER).events.get(0);
    assertThat(opened.attributes())
        .isEqualTo(
            Map.of(
                "from", "lync.example.com",
                "to", "prosody.example",
                "id", "s2s-1",
                "version", "1.0"));
    assertThat(opened.namespaces()).containsEntry("db", XmppNamespaces.DIALBACK);
  }

  @Test
  void headerWithoutIdForTheInitiatingSide() {
    assertThat(XmppStreamWriter.streamHeader("a", "b", null)).doesNotContain("id=");
  }

  @Test
  void messageRoundTripsThroughTheDecoder() {
    XmlElement message =
        XmlElement.builder("message", XmppNamespaces.SERVER)
            .attr("from", "bob@lync.example.com/lync")
            .attr("to", "alice@prosody.example")
            .attr("type", "chat")
            .attr("xml:lang", "en")
            .attr("id", null)
            .child(XmlElement.builder("body", XmppNamespaces.SERVER).text("x < y & \"q\" 'a' >"))
            .child(
                XmlElement.builder("html", "http://jabber.org/protocol/xhtml-im")
                    .child(
                        XmlElement.builder("body", "http://www.w3.org/1999/xhtml")
                            .child(
                                XmlElement.builder("p", "http://www.w3.org/1999/xhtml")
                                    .text("hi"))))
            .child(XmlElement.empty("active", "http://jabber.org/protocol/chatstates"))
            .build();

    assertThat(roundTrip(message)).isEqualTo(message);
  }

  @Test
  void dialbackUsesTheDbPrefixAndRoundTrips() {
    XmlElement result =
        XmlElement.builder("result", XmppNamespaces.DIALBACK)
            .attr("from", "lync.example.com")
            .attr("to", "prosody.example")
            .text("abc123")
            .build();

    assertThat(XmppStreamWriter.element(result))
        .isEqualTo("<db:result from='lync.example.com' to='prosody.example'>abc123</db:result>");
    assertThat(roundTrip(result)).isEqualTo(result);
  }

  @Test
  void namespacesAreDeclaredOnlyWhereTheyChange() {
    XmlElement starttls =
        XmlElement.builder("starttls", XmppNamespaces.TLS)
            .child(XmlElement.empty("required", XmppNamespaces.TLS))
            .build();
    XmlElement features =
        XmlElement.builder("features", XmppNamespaces.STREAMS).child(starttls).build();

    assertThat(XmppStreamWriter.element(features))
        .isEqualTo(
            "<stream:features><starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'><required/>"
                + "</starttls></stream:features>");
    assertThat(roundTrip(features)).isEqualTo(features);
  }

  @Test
  void escapesAttributeValuesAndText() {
    XmlElement element =
        XmlElement.builder("message", XmppNamespaces.SERVER)
            .attr("id", "<&'\">\t\n\r")
            .text("<&'\">\r\n")
            .build();

    assertThat(XmppStreamWriter.element(element))
        .isEqualTo(
            "<message id='&lt;&amp;&apos;&quot;&gt;&#9;&#10;&#13;'>&lt;&amp;'\"&gt;&#13;\n"
                + "</message>");
    assertThat(roundTrip(element)).isEqualTo(element);
  }

  @Test
  void attributesInOtherNamespacesAndEmptyNamespacesRoundTrip() {
    XmlElement element =
        XmlElement.builder("iq", XmppNamespaces.SERVER)
            .attr("{urn:example:x}flag", "1")
            .child(XmlElement.empty("bare", ""))
            .build();

    assertThat(roundTrip(element)).isEqualTo(element);
  }

  @Test
  void characterDataThatXmlCannotCarryIsRefused() {
    XmlElement nul = XmlElement.builder("message", XmppNamespaces.SERVER).text("a\u0000b").build();
    XmlElement loneSurrogate =
        XmlElement.builder("message", XmppNamespaces.SERVER).attr("id", "\uD800").build();
    XmlElement badName = XmlElement.empty("mess age", XmppNamespaces.SERVER);

    assertThatThrownBy(() -> XmppStreamWriter.element(nul))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> XmppStreamWriter.element(loneSurrogate))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> XmppStreamWriter.element(badName))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void streamErrorWithTextClosesTheStream() {
    String error =
        XmppStreamWriter.streamError(StreamErrorCondition.POLICY_VIOLATION, "stanza > 256 KiB");

    assertThat(error)
        .isEqualTo(
            "<stream:error><policy-violation xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>"
                + "<text xmlns='urn:ietf:params:xml:ns:xmpp-streams'>stanza &gt; 256 KiB</text>"
                + "</stream:error></stream:stream>");

    StreamHarness h = new StreamHarness().write(HEADER).write(error);
    XmlElement decoded = h.stanzas().get(0);
    assertThat(decoded.namespace()).isEqualTo(XmppNamespaces.STREAMS);
    assertThat(decoded.child("policy-violation", XmppNamespaces.STREAM_ERRORS)).isPresent();
    assertThat(h.events.get(h.events.size() - 1)).isEqualTo(new StreamClosed());
  }

  @Test
  void streamErrorFromADecoderException() {
    String error =
        XmppStreamWriter.streamError(
            new XmppStreamException(StreamErrorCondition.RESTRICTED_XML, ""));

    assertThat(error)
        .isEqualTo(
            "<stream:error><restricted-xml xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>"
                + "</stream:error></stream:stream>");
    assertThat(XmppStreamWriter.streamClose()).isEqualTo("</stream:stream>");
  }
}
