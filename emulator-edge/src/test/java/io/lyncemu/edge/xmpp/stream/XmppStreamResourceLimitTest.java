package io.lyncemu.edge.xmpp.stream;

import static io.lyncemu.edge.xmpp.stream.StreamErrorCondition.POLICY_VIOLATION;
import static io.lyncemu.edge.xmpp.stream.StreamHarness.PROSODY_HEADER;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** Memory and time stay bounded whatever the peer sends. */
class XmppStreamResourceLimitTest {
  private static final int CHUNK = 64 * 1024;

  @Test
  void aTenMegabyteStanzaFailsAtTheLimitWithBoundedMemory() {
    StreamHarness h = new StreamHarness().write(PROSODY_HEADER).write("<message><body>");
    byte[] chunk = new byte[CHUNK];
    Arrays.fill(chunk, (byte) 'a');
    long written = 0;
    long writtenAtError = -1;
    while (written < 10 * 1024 * 1024) {
      h.write(chunk);
      written += CHUNK;
      // Netty's buffer is drained on every read: what the parser has not taken is not kept.
      assertThat(h.decoder.bufferedBytes()).isZero();
      if (writtenAtError < 0 && !h.errors.isEmpty()) {
        writtenAtError = written;
      }
    }

    assertThat(h.error().condition()).isEqualTo(POLICY_VIOLATION);
    assertThat(writtenAtError)
        .isBetween(
            (long) XmppStreamLimits.DEFAULT.maxStanzaBytes() - CHUNK,
            (long) XmppStreamLimits.DEFAULT.maxStanzaBytes() + CHUNK);
    assertThat(h.stanzas()).isEmpty();
  }

  @Test
  void aStanzaOfExactlyTheLimitPassesAndOneByteMoreFails() {
    XmppStreamLimits limits = new XmppStreamLimits(1024, 16, 16);
    String open = "<message><body>";
    String close = "</body></message>";
    String fits = open + "x".repeat(1024 - open.length() - close.length()) + close;
    assertThat(fits.getBytes(StandardCharsets.UTF_8)).hasSize(1024);

    StreamHarness ok = new StreamHarness(limits).write(PROSODY_HEADER).write(fits).write(fits);
    assertThat(ok.errors).isEmpty();
    assertThat(ok.stanzas()).hasSize(2);

    StreamHarness tooBig =
        new StreamHarness(limits).write(PROSODY_HEADER).write(fits.replace("xx", "xxx"));
    assertThat(tooBig.error().condition()).isEqualTo(POLICY_VIOLATION);
  }

  @Test
  void whitespaceKeepalivesDoNotCountTowardsTheStanzaLimit() {
    XmppStreamLimits limits = new XmppStreamLimits(1024, 16, 16);
    StreamHarness h = new StreamHarness(limits).write(PROSODY_HEADER);
    for (int i = 0; i < 5000; i++) {
      h.write(" ");
    }
    h.write("<presence/>");

    assertThat(h.errors).isEmpty();
    assertThat(h.stanzas()).hasSize(1);
  }

  @Test
  void endlessAttributesInOneTagAreCutOffByTheByteLimit() {
    StreamHarness h = new StreamHarness().write(PROSODY_HEADER).write("<message");
    for (int i = 0; i < 100 && h.errors.isEmpty(); i++) {
      h.write(XmppStreamHostileInputTest.attributes(1000).replace(" a", " a" + i + "x"));
    }

    assertThat(h.error().condition()).isEqualTo(POLICY_VIOLATION);
  }

  @Test
  void tenThousandLevelsOfNestingFailFast() {
    StreamHarness h = new StreamHarness().write(PROSODY_HEADER);

    Assertions.assertTimeout(Duration.ofSeconds(5), () -> h.write("<a>".repeat(10_000)));

    assertThat(h.error().condition()).isEqualTo(POLICY_VIOLATION);
  }

  @Test
  void tenThousandLevelsOfNestingByteByByteFailFast() {
    StreamHarness h = new StreamHarness().write(PROSODY_HEADER);

    h.writeByteByByte("<a>".repeat(10_000));

    assertThat(h.error().condition()).isEqualTo(POLICY_VIOLATION);
  }
}
