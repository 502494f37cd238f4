package io.lyncemu.edge.xmpp.stream;

import static io.lyncemu.edge.xmpp.stream.StreamHarness.PROSODY_HEADER;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** TCP splits bytes anywhere: the events must not depend on where. */
class XmppStreamDecoderSplitTest {
  private static final String TRANSCRIPT =
      PROSODY_HEADER
          + "<db:result from='prosody.example' to='lync.example.com'>abc123</db:result>\n"
          + "<message to='bob@lync.example.com' type='chat'><body>h\u00e9llo \u65e5\u672c"
          + " \uD83C\uDF89 a&amp;b &#x1F600;</body><x xmlns='jabber:x:oob' k=\"v&apos;\"/>"
          + "</message> <presence/></stream:stream>";

  private static List<XmppStreamEvent> inOneBuffer() {
    return new StreamHarness().write(TRANSCRIPT).events;
  }

  @Test
  void theTranscriptDecodes() {
    List<XmppStreamEvent> events = inOneBuffer();
    assertThat(events).hasSize(5);
    XmlElement message = ((XmppStreamEvent.Stanza) events.get(2)).element();
    assertThat(message.children().get(0).text())
        .isEqualTo("h\u00e9llo \u65e5\u672c \uD83C\uDF89 a&b \uD83D\uDE00");
  }

  @Test
  void byteByByteGivesTheSameEvents() {
    StreamHarness h = new StreamHarness().writeByteByByte(TRANSCRIPT);

    assertThat(h.errors).isEmpty();
    assertThat(h.events).isEqualTo(inOneBuffer());
  }

  @Test
  void everyTwoWaySplitGivesTheSameEvents() {
    byte[] bytes = TRANSCRIPT.getBytes(StandardCharsets.UTF_8);
    List<XmppStreamEvent> expected = inOneBuffer();
    for (int split = 1; split < bytes.length; split++) {
      StreamHarness h =
          new StreamHarness()
              .write(Arrays.copyOfRange(bytes, 0, split))
              .write(Arrays.copyOfRange(bytes, split, bytes.length));

      assertThat(h.errors).as("split at %d", split).isEmpty();
      assertThat(h.events).as("split at %d", split).isEqualTo(expected);
    }
  }

  @Test
  void multiByteCharactersSplitInsideTheirEncoding() {
    // 2-, 3- and 4-byte UTF-8 sequences, each cut after every one of its bytes
    String body = "\u00e9\u65e5\uD83C\uDF89";
    byte[] stanza =
        ("<message><body>" + body + "</body></message>").getBytes(StandardCharsets.UTF_8);
    for (int split = 1; split < stanza.length; split++) {
      StreamHarness h =
          new StreamHarness()
              .write(PROSODY_HEADER)
              .write(Arrays.copyOfRange(stanza, 0, split))
              .write(Arrays.copyOfRange(stanza, split, stanza.length));

      assertThat(h.stanzas()).as("split at %d", split).hasSize(1);
      assertThat(h.stanzas().get(0).children().get(0).text()).isEqualTo(body);
    }
  }
}
