package io.lyncemu.edge.xmpp;

/**
 * A stanza could not be delivered to a partner. {@code condition} is the RFC 6120 stanza error
 * condition a sender would see, e.g. {@code remote-server-not-found} or {@code
 * remote-server-timeout}.
 */
public final class XmppDeliveryException extends RuntimeException {
  private final String condition;

  public XmppDeliveryException(String condition, String message) {
    super(message);
    this.condition = condition;
  }

  public String condition() {
    return condition;
  }
}
