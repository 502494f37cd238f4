package io.lyncemu.edge.xmpp.s2s;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Stream ids: unpredictable (RFC 6120 §4.7.3), since a dialback key is bound to one, so a guessable
 * id would let a forger replay a key seen elsewhere.
 */
final class StreamIds {
  private static final SecureRandom RANDOM = new SecureRandom();

  private StreamIds() {}

  static String next() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
