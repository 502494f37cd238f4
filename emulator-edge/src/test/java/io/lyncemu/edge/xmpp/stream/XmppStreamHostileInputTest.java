package io.lyncemu.edge.xmpp.stream;

import static io.lyncemu.edge.xmpp.stream.StreamErrorCondition.BAD_FORMAT;
import static io.lyncemu.edge.xmpp.stream.StreamErrorCondition.BAD_NAMESPACE_PREFIX;
import static io.lyncemu.edge.xmpp.stream.StreamErrorCondition.INVALID_NAMESPACE;
import static io.lyncemu.edge.xmpp.stream.StreamErrorCondition.NOT_WELL_FORMED;
import static io.lyncemu.edge.xmpp.stream.StreamErrorCondition.POLICY_VIOLATION;
import static io.lyncemu.edge.xmpp.stream.StreamErrorCondition.RESTRICTED_XML;
import static io.lyncemu.edge.xmpp.stream.StreamErrorCondition.UNSUPPORTED_ENCODING;
import static io.lyncemu.edge.xmpp.stream.StreamHarness.PROSODY_HEADER;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each input ends the stream with one error, and nothing is decoded after it. */
class XmppStreamHostileInputTest {
  private static final String STREAM_START =
      "<stream:stream xmlns='jabber:server' xmlns:stream='http://etherx.jabber.org/streams'"
          + " version='1.0'>";

  static Stream<Arguments> hostileInputs() {
    return Stream.of(
        // before or instead of the stream header
        Arguments.of("garbage before the header", "HELO\r\n" + STREAM_START, NOT_WELL_FORMED),
        Arguments.of("first element is not a stream", "<message/>", NOT_WELL_FORMED),
        Arguments.of(
            "stream element in the wrong namespace",
            "<stream:stream xmlns:stream='http://etherx.jabber.org/streamz'>",
            INVALID_NAMESPACE),
        Arguments.of(
            "stream prefix never declared",
            "<stream:stream xmlns='jabber:server'>",
            BAD_NAMESPACE_PREFIX),
        Arguments.of(
            "DOCTYPE with internal entity",
            "<!DOCTYPE stream:stream [<!ENTITY e 'x'>]>" + STREAM_START,
            RESTRICTED_XML),
        Arguments.of(
            "billion laughs",
            "<?xml version='1.0'?><!DOCTYPE lolz [<!ENTITY lol 'lol'>"
                + "<!ENTITY lol2 '&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;'>"
                + "<!ENTITY lol3 '&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;'>]>"
                + STREAM_START
                + "<message><body>&lol3;</body></message>",
            RESTRICTED_XML),
        Arguments.of("comment before the header", "<!-- hi -->" + STREAM_START, RESTRICTED_XML),
        Arguments.of(
            "PI before the header", "<?xml-stylesheet href='a'?>" + STREAM_START, RESTRICTED_XML),
        Arguments.of(
            "UTF-16 declaration",
            "<?xml version='1.0' encoding='UTF-16'?>" + STREAM_START,
            UNSUPPORTED_ENCODING),
        Arguments.of(
            "Latin-1 declaration",
            "<?xml version='1.0' encoding='ISO-8859-1'?>" + STREAM_START,
            UNSUPPORTED_ENCODING),
        Arguments.of(
            "stream header larger than 8 KiB",
            "<stream:stream xmlns:stream='http://etherx.jabber.org/streams' from='"
                + "a".repeat(9000)
                + "'>",
            POLICY_VIOLATION),
        // inside the stream
        Arguments.of(
            "mismatched end tag", PROSODY_HEADER + "<message><body></message>", NOT_WELL_FORMED),
        Arguments.of("unquoted attribute", PROSODY_HEADER + "<message to=x/>", NOT_WELL_FORMED),
        Arguments.of(
            "duplicate attribute", PROSODY_HEADER + "<message to='a' to='b'/>", NOT_WELL_FORMED),
        Arguments.of(
            "NUL character reference", PROSODY_HEADER + "<message>&#0;</message>", NOT_WELL_FORMED),
        Arguments.of(
            "undeclared entity in text",
            PROSODY_HEADER + "<message><body>&xxe;</body></message>",
            RESTRICTED_XML),
        Arguments.of(
            "undeclared entity in an attribute",
            PROSODY_HEADER + "<message to='&xxe;'/>",
            RESTRICTED_XML),
        Arguments.of(
            "DOCTYPE inside the stream",
            PROSODY_HEADER + "<!DOCTYPE x [<!ENTITY e 'x'>]>",
            NOT_WELL_FORMED),
        Arguments.of(
            "comment in a stanza", PROSODY_HEADER + "<message><!--c--></message>", RESTRICTED_XML),
        Arguments.of(
            "comment between stanzas", PROSODY_HEADER + "<!--c--><presence/>", RESTRICTED_XML),
        Arguments.of(
            "PI in a stanza", PROSODY_HEADER + "<message><?php x?></message>", RESTRICTED_XML),
        Arguments.of("text between stanzas", PROSODY_HEADER + "hello<presence/>", BAD_FORMAT),
        Arguments.of(
            "too many attributes",
            PROSODY_HEADER + "<message" + attributes(65) + "/>",
            POLICY_VIOLATION),
        Arguments.of(
            "too many namespace declarations",
            PROSODY_HEADER + "<message" + attributes(40) + namespaces(30) + "/>",
            POLICY_VIOLATION),
        Arguments.of(
            "nesting deeper than the limit", PROSODY_HEADER + "<a>".repeat(65), POLICY_VIOLATION));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileInputs")
  void isRejected(String description, String input, StreamErrorCondition condition) {
    StreamHarness h = new StreamHarness().write(input);
    int eventsAtError = h.events.size();

    assertThat(h.error().condition()).isEqualTo(condition);
    assertThat(h.error().getMessage()).isNotBlank();

    h.write(PROSODY_HEADER + "<message/></stream:stream>");
    assertThat(h.events).hasSize(eventsAtError);
    assertThat(h.errors).hasSize(1);
    assertThat(h.decoder.bufferedBytes()).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileInputs")
  void isRejectedByteByByte(String description, String input, StreamErrorCondition condition) {
    StreamHarness h = new StreamHarness().writeByteByByte(input);

    assertThat(h.error().condition()).isEqualTo(condition);
  }

  @org.junit.jupiter.api.Test
  void utf16EncodedStreamIsAnUnsupportedEncoding() {
    StreamHarness h =
        new StreamHarness().write(STREAM_START.getBytes(StandardCharsets.UTF_16)); // with BOM

    assertThat(h.error().condition()).isEqualTo(UNSUPPORTED_ENCODING);
  }

  @org.junit.jupiter.api.Test
  void utf16LittleEndianWithoutBomIsAnUnsupportedEncoding() {
    StreamHarness h = new StreamHarness().write(STREAM_START.getBytes(StandardCharsets.UTF_16LE));

    assertThat(h.error().condition()).isEqualTo(UNSUPPORTED_ENCODING);
  }

  @org.junit.jupiter.api.Test
  void attributesAndDepthAtTheLimitAreAccepted() {
    StreamHarness h =
        new StreamHarness()
            .write(PROSODY_HEADER)
            .write("<message" + attributes(64) + "/>")
            .write("<a>".repeat(64) + "</a>".repeat(64));

    assertThat(h.errors).isEmpty();
    assertThat(h.stanzas()).hasSize(2);
  }

  static String attributes(int count) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < count; i++) {
      s.append(" a").append(i).append("='v'");
    }
    return s.toString();
  }

  static String namespaces(int count) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < count; i++) {
      s.append(" xmlns:n").append(i).append("='urn:n").append(i).append("'");
    }
    return s.toString();
  }
}
