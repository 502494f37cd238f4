package io.lyncemu.mcx.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.MD4Digest;
import org.bouncycastle.crypto.digests.MD5Digest;
import org.bouncycastle.crypto.engines.DESEngine;
import org.bouncycastle.crypto.engines.RC4Engine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The MS-NLMP §3.3 and §3.4 functions shared by the server handshake and the client. Uses
 * BouncyCastle's lightweight primitives because the JDK has no public MD4 and its Cipher/Mac
 * lookups throw checked exceptions. Stateless and thread-safe.
 */
public final class NtlmCrypto {
  private NtlmCrypto() {}

  /** NTOWFv1 = MD4(UTF-16LE(password)). */
  public static byte[] ntowfV1(String password) {
    return digest(new MD4Digest(), password.getBytes(StandardCharsets.UTF_16LE));
  }

  /**
   * NTOWFv2 = HMAC_MD5(NTOWFv1(password), UTF-16LE(UPPER(user) ‖ domain)). Only the user is
   * upper-cased; the domain is used as the client sent it.
   */
  public static byte[] ntowfV2(String password, String user, String domain) {
    byte[] identity = (user.toUpperCase(Locale.ROOT) + domain).getBytes(StandardCharsets.UTF_16LE);
    return hmacMd5(ntowfV1(password), identity);
  }

  /** NTProofStr = HMAC_MD5(ResponseKeyNT, ServerChallenge ‖ blob). */
  public static byte[] ntProofStr(byte[] responseKeyNt, byte[] serverChallenge, byte[] blob) {
    return hmacMd5(responseKeyNt, serverChallenge, blob);
  }

  /** SessionBaseKey for NTLMv2 = HMAC_MD5(ResponseKeyNT, NTProofStr). */
  public static byte[] sessionBaseKeyV2(byte[] responseKeyNt, byte[] ntProofStr) {
    return hmacMd5(responseKeyNt, ntProofStr);
  }

  /**
   * LMv2 response = HMAC_MD5(ResponseKeyLM, ServerChallenge ‖ ClientChallenge) ‖ ClientChallenge.
   */
  public static byte[] lmV2Response(
      byte[] responseKeyLm, byte[] serverChallenge, byte[] clientChallenge) {
    return concat(hmacMd5(responseKeyLm, serverChallenge, clientChallenge), clientChallenge);
  }

  /** NTLMv1 response = DESL(NTOWFv1, ServerChallenge). */
  public static byte[] ntlmV1Response(byte[] ntowfV1, byte[] serverChallenge) {
    return desl(ntowfV1, serverChallenge);
  }

  /** NTLMv1 with extended session security = DESL(NTOWFv1, MD5(SC ‖ CC)[0..8]). */
  public static byte[] ntlm2SessionResponse(
      byte[] ntowfV1, byte[] serverChallenge, byte[] clientChallenge) {
    byte[] hash = digest(new MD5Digest(), concat(serverChallenge, clientChallenge));
    byte[] challenge = new byte[8];
    System.arraycopy(hash, 0, challenge, 0, 8);
    return desl(ntowfV1, challenge);
  }

  /** MIC = HMAC_MD5(ExportedSessionKey, NEGOTIATE ‖ CHALLENGE ‖ AUTHENTICATE-with-MIC-zeroed). */
  public static byte[] mic(
      byte[] exportedSessionKey, byte[] negotiate, byte[] challenge, byte[] authenticate) {
    return hmacMd5(exportedSessionKey, negotiate, challenge, authenticate);
  }

  public static byte[] hmacMd5(byte[] key, byte[]... parts) {
    HMac mac = new HMac(new MD5Digest());
    mac.init(new KeyParameter(key));
    for (byte[] part : parts) {
      mac.update(part, 0, part.length);
    }
    byte[] out = new byte[mac.getMacSize()];
    mac.doFinal(out, 0);
    return out;
  }

  public static byte[] md5(byte[] data) {
    return digest(new MD5Digest(), data);
  }

  public static byte[] rc4(byte[] key, byte[] data) {
    RC4Engine engine = new RC4Engine();
    engine.init(true, new KeyParameter(key));
    byte[] out = new byte[data.length];
    engine.processBytes(data, 0, data.length, out, 0);
    return out;
  }

  /** Compares secrets in time independent of where they differ. */
  public static boolean constantTimeEquals(byte[] a, byte[] b) {
    return MessageDigest.isEqual(a, b);
  }

  /**
   * DESL (MS-NLMP §6): three DES encryptions of {@code data} under 7-byte slices of the 16-byte key
   * padded with five zero bytes.
   */
  static byte[] desl(byte[] key16, byte[] data) {
    byte[] key21 = new byte[21];
    System.arraycopy(key16, 0, key21, 0, 16);
    byte[] out = new byte[24];
    for (int i = 0; i < 3; i++) {
      DESEngine des = new DESEngine();
      des.init(true, new KeyParameter(expandDesKey(key21, i * 7)));
      des.processBlock(data, 0, out, i * 8);
    }
    return out;
  }

  /** Spreads 56 key bits over 8 bytes; DES ignores the parity bit, so it is left at zero. */
  private static byte[] expandDesKey(byte[] source, int offset) {
    byte[] k = new byte[7];
    System.arraycopy(source, offset, k, 0, 7);
    return new byte[] {
      (byte) (k[0] & 0xFE),
      (byte) ((k[0] << 7) | ((k[1] & 0xFF) >>> 1)),
      (byte) ((k[1] << 6) | ((k[2] & 0xFF) >>> 2)),
      (byte) ((k[2] << 5) | ((k[3] & 0xFF) >>> 3)),
      (byte) ((k[3] << 4) | ((k[4] & 0xFF) >>> 4)),
      (byte) ((k[4] << 3) | ((k[5] & 0xFF) >>> 5)),
      (byte) ((k[5] << 2) | ((k[6] & 0xFF) >>> 6)),
      (byte) (k[6] << 1)
    };
  }

  static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] out = new byte[length];
    int position = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, out, position, part.length);
      position += part.length;
    }
    return out;
  }

  private static byte[] digest(Digest digest, byte[] data) {
    digest.update(data, 0, data.length);
    byte[] out = new byte[digest.getDigestSize()];
    digest.doFinal(out, 0);
    return out;
  }
}
