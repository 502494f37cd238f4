package io.lyncemu.edge.xmpp.stream;

/**
 * Bounds on what one peer may send, so a hostile partner cannot exhaust memory: the size of one
 * first-level element in bytes, its nesting depth, and the attributes per element.
 */
public record XmppStreamLimits(int maxStanzaBytes, int maxDepth, int maxAttributes) {
  /** 256 KiB stanzas, 64 levels, 64 attributes: far above what any real s2s traffic uses. */
  public static final XmppStreamLimits DEFAULT = new XmppStreamLimits(256 * 1024, 64, 64);

  public XmppStreamLimits {
    if (maxStanzaBytes < 1024 || maxDepth < 4 || maxAttributes < 4) {
      throw new IllegalArgumentException("XMPP stream limits are too small to be usable");
    }
  }
}
