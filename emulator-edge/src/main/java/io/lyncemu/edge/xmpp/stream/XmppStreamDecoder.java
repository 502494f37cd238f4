package io.lyncemu.edge.xmpp.stream;

import io.lyncemu.edge.xmpp.stream.XmppStreamEvent.Stanza;
import io.lyncemu.edge.xmpp.stream.XmppStreamEvent.StreamClosed;
import io.lyncemu.edge.xmpp.stream.XmppStreamEvent.StreamOpened;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import java.util.Objects;

/**
 * Turns the bytes of an XMPP server-to-server stream into {@link XmppStreamEvent}s, incrementally
 * (Aalto's non-blocking parser, so no stanza is ever re-parsed or framed by guesswork).
 *
 * <p>Bytes go to the parser in segments that end at a {@code '>'}. Every event ends with a tag's
 * {@code '>'}, so when an event comes out the parser holds no bytes beyond it: the rest stays in
 * Netty's buffer, and a {@link #reset()} from the handler of that event loses nothing. One event is
 * emitted per {@code decode} call for the same reason.
 *
 * <p>Errors are {@link XmppStreamException}s passed to {@code exceptionCaught} as they are (not
 * wrapped in a DecoderException); after one the decoder discards all further input. A peer that
 * just disconnects mid-stream is not an error.
 */
public final class XmppStreamDecoder extends ByteToMessageDecoder {
  /** A stream header (with declaration) is a few hundred bytes; 8 KiB is generous. */
  static final int MAX_HEADER_BYTES = 8 * 1024;

  /** The most bytes handed to Aalto at once when no {@code '>'} is in sight. */
  private static final int MAX_SEGMENT = 8 * 1024;

  private enum State {
    OPEN,
    CLOSED,
    FAILED
  }

  private final XmppStreamLimits limits;
  private XmppDocumentParser parser;
  private State state = State.OPEN;

  /** Bytes fed since the last event: the size of the header or stanza being read. */
  private int pendingBytes;

  /**
   * True while the parser has consumed everything up to the last event, so whitespace between
   * stanzas (keepalives) can be dropped without counting against the stanza limit.
   */
  private boolean atBoundary = true;

  private XmlElement lastStanza;
  private boolean plaintextAfterStartTls;

  public XmppStreamDecoder() {
    this(XmppStreamLimits.DEFAULT);
  }

  public XmppStreamDecoder(XmppStreamLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.parser = new XmppDocumentParser(limits);
  }

  /**
   * Restarts the stream (RFC 6120 §5.4.3.3, §6.4.6): the next bytes are a new XML document with a
   * new stream header. Call it from the handler of the event that triggers the restart, before
   * returning, on the channel's event loop; bytes already received after that element are kept and
   * parsed as the new stream.
   *
   * <p>Except after STARTTLS: if the last stanza was {@code <starttls/>} or {@code <proceed/>} and
   * plaintext bytes are already buffered behind it, the peer sent them before the TLS handshake — a
   * command-injection attempt (cf. CVE-2011-0411) — and the decoder fails with policy-violation
   * instead of parsing them as if they had come over TLS.
   */
  public void reset() {
    if (state == State.FAILED) {
      return;
    }
    parser.close();
    parser = new XmppDocumentParser(limits);
    state = State.OPEN;
    pendingBytes = 0;
    atBoundary = true;
    plaintextAfterStartTls = isStartTls(lastStanza) && actualReadableBytes() > 0;
    lastStanza = null;
  }

  /** Bytes received but not yet handed to the parser; for tests of the memory bound. */
  int bufferedBytes() {
    return actualReadableBytes();
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (state != State.OPEN) {
      in.skipBytes(in.readableBytes()); // after a failure or </stream:stream> nothing counts
      return;
    }
    try {
      if (plaintextAfterStartTls) {
        throw new XmppStreamException(
            StreamErrorCondition.POLICY_VIOLATION, "data sent after STARTTLS before the handshake");
      }
      XmppStreamEvent event;
      while ((event = parser.next()) == null) {
        if (!feedSegment(in)) {
          return;
        }
      }
      onEvent(event);
      out.add(event);
    } catch (XmppStreamException e) {
      state = State.FAILED;
      in.skipBytes(in.readableBytes());
      ctx.fireExceptionCaught(e);
    }
  }

  /** Hands the parser the next segment; false when there is nothing (left) to hand it. */
  private boolean feedSegment(ByteBuf in) {
    if (atBoundary) {
      skipWhitespace(in);
    }
    int readable = in.readableBytes();
    if (readable == 0) {
      return false;
    }
    int start = in.readerIndex();
    int window = Math.min(readable, MAX_SEGMENT);
    int gt = in.indexOf(start, start + window, (byte) '>');
    int length = gt < 0 ? window : gt - start + 1;
    int limit = parser.opened() ? limits.maxStanzaBytes() : MAX_HEADER_BYTES;
    if (pendingBytes + length > limit) {
      // Checked before feeding: neither Aalto nor Netty ever holds more than the limit.
      throw new XmppStreamException(
          StreamErrorCondition.POLICY_VIOLATION,
          (parser.opened() ? "stanza" : "stream header") + " larger than " + limit + " bytes");
    }
    byte[] segment = new byte[length]; // Aalto keeps a reference until it asks for more
    in.readBytes(segment);
    pendingBytes += length;
    atBoundary = false;
    parser.feed(segment, 0, length);
    return true;
  }

  private static void skipWhitespace(ByteBuf in) {
    while (in.isReadable()) {
      byte b = in.getByte(in.readerIndex());
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return;
      }
      in.skipBytes(1);
    }
  }

  private void onEvent(XmppStreamEvent event) {
    pendingBytes = 0;
    atBoundary = true;
    if (event instanceof Stanza stanza) {
      lastStanza = stanza.element();
    } else if (event instanceof StreamClosed) {
      state = State.CLOSED;
    } else if (event instanceof StreamOpened) {
      lastStanza = null;
    }
  }

  private static boolean isStartTls(XmlElement element) {
    return element != null
        && element.namespace().equals(XmppNamespaces.TLS)
        && (element.name().equals("starttls") || element.name().equals("proceed"));
  }

  @Override
  protected void handlerRemoved0(ChannelHandlerContext ctx) {
    parser.close();
  }
}
