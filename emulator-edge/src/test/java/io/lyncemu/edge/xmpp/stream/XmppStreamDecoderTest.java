package io.lyncemu.edge.xmpp.stream;

import static io.lyncemu.edge.xmpp.stream.StreamHarness.OPENFIRE_HEADER;
import static io.lyncemu.edge.xmpp.stream.StreamHarness.PROSODY_HEADER;
import static org.assertj.core.api.Assertions.assertThat;

import io.lyncemu.edge.xmpp.stream.XmppStreamEvent.StreamClosed;
import io.lyncemu.edge.xmpp.stream.XmppStreamEvent.StreamOpened;
import java.util.Map;
import org.junit.jupiter.api.Test;

class XmppStreamDecoderTest {

  @Test
  void prosodyHeaderWithDeclarationAndSingleQuotes() {
    StreamHarness h = new StreamHarness().write(PROSODY_HEADER);

    assertThat(h.events).hasSize(1);
    StreamOpened opened = (StreamOpened) h.events.get(0);
    assertThat(opened.attributes())
        .containsEntry("to", "lync.example.com")
        .containsEntry("from", "prosody.example")
        .containsEntry("id", "b9e4c1a2")
        .containsEntry("version", "1.0")
        .containsEntry("xml:lang", "en");
    assertThat(opened.namespaces())
        .isEqualTo(
            Map.of(
                "", "jabber:server",
                "db", "jabber:server:dialback",
                "stream", "http://etherx.jabber.org/streams"));
    assertThat(h.errors).isEmpty();
  }

  @Test
  void openfireHeaderWithoutDeclarationAndDoubleQuotes() {
    StreamHarness h = new StreamHarness().write(OPENFIRE_HEADER);

    StreamOpened opened = (StreamOpened) h.events.get(0);
    assertThat(opened.attribute("from")).isEqualTo("openfire.example");
    assertThat(opened.attribute("id")).isEmpty();
    assertThat(opened.namespaces()).containsEntry("db", "jabber:server:dialback");
  }

  @Test
  void dialbackElementsResolveToTheDialbackNamespace() {
    StreamHarness h =
        new StreamHarness()
            .write(PROSODY_HEADER)
            .write(
                "<db:result from='prosody.example' to='lync.example.com'>"
                    + "37c69b1cf07a3f67c04a5ef5902fa5114f2c76fe4a2686482ba5b89323075643</db:result>"
                    + "<db:verify from='lync.example.com' to='prosody.example' id='417GAF25'"
                    + " type='valid'/>");

    assertThat(h.stanzas()).hasSize(2);
    XmlElement result = h.stanzas().get(0);
    assertThat(result.name()).isEqualTo("result");
    assertThat(result.namespace()).isEqualTo(XmppNamespaces.DIALBACK);
    assertThat(result.text()).startsWith("37c69b1c").hasSize(64);
    XmlElement verify = h.stanzas().get(1);
    assertThat(verify.namespace()).isEqualTo(XmppNamespaces.DIALBACK);
    assertThat(verify.attribute("type")).contains("valid");
  }

  @Test
  void featuresAndStartTls() {
    StreamHarness h =
        new StreamHarness()
            .write(OPENFIRE_HEADER)
            .write(
                "<stream:features><starttls xmlns=\"urn:ietf:params:xml:ns:xmpp-tls\"><required/>"
                    + "</starttls><dialback xmlns=\"urn:xmpp:features:dialback\"/>"
                    + "</stream:features>")
            .write("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");

    XmlElement features = h.stanzas().get(0);
    assertThat(features.name()).isEqualTo("features");
    assertThat(features.namespace()).isEqualTo(XmppNamespaces.STREAMS);
    assertThat(features.child("starttls", XmppNamespaces.TLS).orElseThrow().children())
        .containsExactly(XmlElement.empty("required", XmppNamespaces.TLS));
    assertThat(features.child("dialback", "urn:xmpp:features:dialback")).isPresent();
    assertThat(h.stanzas().get(1)).isEqualTo(XmlElement.empty("starttls", XmppNamespaces.TLS));
  }

  @Test
  void messageWithBodyAndNestedChildren() {
    StreamHarness h =
        new StreamHarness()
            .write(PROSODY_HEADER)
            .write(
                "<message from='alice@prosody.example/phone' to='bob@lync.example.com'"
                    + " type='chat' id='m1' xml:lang='en'><body>Hi &amp; bye &lt;3 &#x263A;</body>"
                    + "<html xmlns='http://jabber.org/protocol/xhtml-im'>"
                    + "<body xmlns='http://www.w3.org/1999/xhtml'><p>Hi <b>there</b></p></body>"
                    + "</html><active xmlns='http://jabber.org/protocol/chatstates'/></message>");

    XmlElement message = h.stanzas().get(0);
    assertThat(message.namespace()).isEqualTo("jabber:server");
    assertThat(message.attributes())
        .containsExactly(
            Map.entry("from", "alice@prosody.example/phone"),
            Map.entry("to", "bob@lync.example.com"),
            Map.entry("type", "chat"),
            Map.entry("id", "m1"),
            Map.entry("xml:lang", "en"));
    assertThat(message.child("body", "jabber:server").orElseThrow().text())
        .isEqualTo("Hi & bye <3 \u263A");
    XmlElement p =
        message
            .child("html", "http://jabber.org/protocol/xhtml-im")
            .flatMap(html -> html.child("body", "http://www.w3.org/1999/xhtml"))
            .flatMap(body -> body.child("p", "http://www.w3.org/1999/xhtml"))
            .orElseThrow();
    assertThat(p.text()).isEqualTo("Hi ");
    assertThat(p.children().get(0).text()).isEqualTo("there");
    assertThat(message.child("active", "http://jabber.org/protocol/chatstates")).isPresent();
  }

  @Test
  void cdataIsText() {
    StreamHarness h =
        new StreamHarness()
            .write(PROSODY_HEADER)
            .write("<message><body><![CDATA[a <b> & c]]></body></message>");

    assertThat(h.stanzas().get(0).children().get(0).text()).isEqualTo("a <b> & c");
  }

  @Test
  void presenceWhitespaceKeepalivesAndStreamClose() {
    StreamHarness h =
        new StreamHarness()
            .write(OPENFIRE_HEADER)
            .write("\n <presence from='a@openfire.example' to='b@lync.example.com'/>\r\n\t")
            .write(" ")
            .write("<presence type='unavailable'/>  </stream:stream>");

    assertThat(h.events).hasSize(4);
    assertThat(h.stanzas())
        .extracting(XmlElement::name, XmlElement::namespace)
        .containsOnly(org.assertj.core.groups.Tuple.tuple("presence", "jabber:server"));
    assertThat(h.events.get(3)).isEqualTo(new StreamClosed());
    assertThat(h.errors).isEmpty();
  }

  @Test
  void bytesAfterTheStreamCloseAreIgnored() {
    StreamHarness h =
        new StreamHarness().write(PROSODY_HEADER + "</stream:stream>").write("<message/>junk<");

    assertThat(h.events).hasSize(2);
    assertThat(h.errors).isEmpty();
    assertThat(h.decoder.bufferedBytes()).isZero();
  }

  @Test
  void manyStanzasInOneBufferComeOutInOrder() {
    StringBuilder in = new StringBuilder(PROSODY_HEADER);
    for (int i = 0; i < 50; i++) {
      in.append("<message id='").append(i).append("'><body>").append(i).append("</body></message>");
    }
    StreamHarness h = new StreamHarness().write(in.toString());

    assertThat(h.stanzas()).hasSize(50);
    assertThat(h.stanzas().get(49).attribute("id")).contains("49");
  }

  @Test
  void anUnclosedStreamIsNotAnErrorWhenThePeerDisconnects() {
    StreamHarness h = new StreamHarness().write(PROSODY_HEADER).write("<message><body>half");

    h.channel.finishAndReleaseAll();

    assertThat(h.events).hasSize(1).first().isInstanceOf(StreamOpened.class);
    assertThat(h.errors).isEmpty();
  }
}
