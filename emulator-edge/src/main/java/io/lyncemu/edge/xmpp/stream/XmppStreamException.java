package io.lyncemu.edge.xmpp.stream;

/**
 * The peer's bytes broke the stream: the session answers with this stream error and closes. The
 * message is the human-readable {@code <text/>} of the error.
 */
public final class XmppStreamException extends RuntimeException {
  private final StreamErrorCondition condition;

  public XmppStreamException(StreamErrorCondition condition, String text) {
    super(text);
    this.condition = condition;
  }

  public StreamErrorCondition condition() {
    return condition;
  }
}
