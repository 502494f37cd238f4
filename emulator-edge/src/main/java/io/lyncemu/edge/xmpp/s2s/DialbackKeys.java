package io.lyncemu.edge.xmpp.s2s;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * XEP-0185 dialback keys: {@code HEX(HMAC-SHA256(SHA256(secret), receiving + ' ' + originating + '
 * ' + streamId))}. The secret is the DialbackPassphrase, read on every call so Set-CsXmpp
 * GatewayConfiguration takes effect at once; when it is blank, a random secret generated once per
 * process stands in (what Lync does when no passphrase is set: keys only this Edge can check).
 */
final class DialbackKeys {
  private final Supplier<String> passphrase;
  private final String processSecret;

  DialbackKeys(Supplier<String> passphrase) {
    this.passphrase = passphrase;
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    this.processSecret = HexFormat.of().formatHex(random);
  }

  String key(String receiving, String originating, String streamId) {
    String configured = passphrase.get();
    String secret = configured == null || configured.isBlank() ? processSecret : configured;
    try {
      // The HMAC key is SHA256(secret) as lower-case hex text, as Prosody's mod_dialback does.
      byte[] hashedSecret =
          HexFormat.of()
              .formatHex(
                  MessageDigest.getInstance("SHA-256")
                      .digest(secret.getBytes(StandardCharsets.UTF_8)))
              .getBytes(StandardCharsets.US_ASCII);
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(hashedSecret, "HmacSHA256"));
      String text = receiving + ' ' + originating + ' ' + streamId;
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
    }
  }

  /** Compares in constant time, so a forger learns nothing from how fast we say no. */
  boolean matches(String receiving, String originating, String streamId, String presented) {
    byte[] expected = key(receiving, originating, streamId).getBytes(StandardCharsets.UTF_8);
    byte[] actual = presented.trim().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(expected, actual);
  }
}
