package io.lyncemu.edge.xmpp.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.lyncemu.edge.xmpp.stream.XmppStreamEvent.Stanza;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A decoder in an {@link EmbeddedChannel} with a session stand-in behind it that records events and
 * errors, and restarts the stream when told which stanza triggers a restart.
 */
final class StreamHarness {
  static final String PROSODY_HEADER =
      "<?xml version='1.0'?><stream:stream xmlns='jabber:server'"
          + " xmlns:db='jabber:server:dialback' xmlns:stream='http://etherx.jabber.org/streams'"
          + " version='1.0' to='lync.example.com' from='prosody.example' id='b9e4c1a2'"
          + " xml:lang='en'>";
  static final String OPENFIRE_HEADER =
      "<stream:stream xmlns:db=\"jabber:server:dialback\""
          + " xmlns:stream=\"http://etherx.jabber.org/streams\" xmlns=\"jabber:server\""
          + " from=\"openfire.example\" to=\"lync.example.com\" version=\"1.0\">";

  final XmppStreamDecoder decoder;
  final EmbeddedChannel channel;
  final List<XmppStreamEvent> events = new ArrayList<>();
  final List<Throwable> errors = new ArrayList<>();
  private Predicate<XmlElement> restartOn = e -> false;

  StreamHarness() {
    this(XmppStreamLimits.DEFAULT);
  }

  StreamHarness(XmppStreamLimits limits) {
    decoder = new XmppStreamDecoder(limits);
    channel =
        new EmbeddedChannel(
            decoder,
            new ChannelInboundHandlerAdapter() {
              @Override
              public void channelRead(ChannelHandlerContext ctx, Object msg) {
                events.add((XmppStreamEvent) msg);
                if (msg instanceof Stanza s && restartOn.test(s.element())) {
                  decoder.reset();
                }
              }

              @Override
              public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                errors.add(cause);
              }
            });
  }

  StreamHarness restartOn(Predicate<XmlElement> trigger) {
    this.restartOn = trigger;
    return this;
  }

  StreamHarness write(String text) {
    return write(text.getBytes(StandardCharsets.UTF_8));
  }

  StreamHarness write(byte[] bytes) {
    channel.writeInbound(Unpooled.wrappedBuffer(bytes));
    return this;
  }

  /** Feeds the bytes one at a time: every split point at once. */
  StreamHarness writeByteByByte(String text) {
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      write(new byte[] {b});
    }
    return this;
  }

  List<XmlElement> stanzas() {
    return events.stream()
        .filter(Stanza.class::isInstance)
        .map(e -> ((Stanza) e).element())
        .toList();
  }

  /** The one error the decoder raised. */
  XmppStreamException error() {
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0)).isInstanceOf(XmppStreamException.class);
    return (XmppStreamException) errors.get(0);
  }
}
