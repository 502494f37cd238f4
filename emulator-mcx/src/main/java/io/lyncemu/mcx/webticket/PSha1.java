package io.lyncemu.mcx.webticket;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * P_SHA1 from TLS 1.0 (RFC 2246 section 5), which WS-Trust 1.3 names for the computed proof key
 * {@code CK/PSHA1}: key = P_SHA1(requestor entropy, issuer entropy). Stateless.
 */
final class PSha1 {
  private PSha1() {}

  static byte[] derive(byte[] secret, byte[] seed, int length) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(secret, "HmacSHA1"));
      byte[] out = new byte[length];
      byte[] a = seed;
      int written = 0;
      while (written < length) {
        a = mac.doFinal(a); // A(i) = HMAC(secret, A(i-1)), A(0) = seed
        mac.update(a);
        byte[] block = mac.doFinal(seed);
        int n = Math.min(block.length, length - written);
        System.arraycopy(block, 0, out, written, n);
        written += n;
      }
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA1 is unavailable", e);
    }
  }
}
