package io.lyncemu.bench.xmpp;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * XEP-0185 dialback keys: {@code HEX(HMAC-SHA256(SHA256(secret), receiving + ' ' + originating + '
 * ' + streamId))}. Only the authoritative server (the driver's own listener) ever checks them.
 */
final class DialbackKey {
  private final SecretKeySpec key;

  DialbackKey(String secret) {
    try {
      byte[] hashed =
          MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
      key =
          new SecretKeySpec(
              HexFormat.of().formatHex(hashed).getBytes(StandardCharsets.US_ASCII), "HmacSHA256");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  String generate(String receiving, String originating, String streamId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      String text = receiving + ' ' + originating + ' ' + streamId;
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }

  boolean verify(String receiving, String originating, String streamId, String candidate) {
    return MessageDigest.isEqual(
        generate(receiving, originating, streamId).getBytes(StandardCharsets.US_ASCII),
        candidate.strip().getBytes(StandardCharsets.US_ASCII));
  }
}
