package io.lyncemu.mcx.auth;

import java.nio.charset.StandardCharsets;

/**
 * GSS_GetMIC for an NTLM context with extended session security (MS-NLMP §3.4.4.2), which SPNEGO
 * needs for its mechListMIC. Only the first signature in each direction is ever computed here, so
 * every call starts a fresh RC4 sealing handle. Stateless and thread-safe.
 */
final class NtlmSigner {
  private static final byte[] CLIENT_SIGN =
      magic("session key to client-to-server signing key magic constant");
  private static final byte[] SERVER_SIGN =
      magic("session key to server-to-client signing key magic constant");
  private static final byte[] CLIENT_SEAL =
      magic("session key to client-to-server sealing key magic constant");
  private static final byte[] SERVER_SEAL =
      magic("session key to server-to-client sealing key magic constant");

  private NtlmSigner() {}

  /**
   * The 16-byte NTLMSSP_MESSAGE_SIGNATURE over {@code message}.
   *
   * @param fromServer true for the server's signature, false for the client's
   */
  static byte[] sign(
      byte[] exportedSessionKey, int flags, boolean fromServer, int sequence, byte[] message) {
    byte[] signKey =
        NtlmCrypto.md5(
            NtlmCrypto.concat(exportedSessionKey, fromServer ? SERVER_SIGN : CLIENT_SIGN));
    byte[] seq = {
      (byte) sequence, (byte) (sequence >>> 8), (byte) (sequence >>> 16), (byte) (sequence >>> 24)
    };
    byte[] checksum = new byte[8];
    System.arraycopy(NtlmCrypto.hmacMd5(signKey, seq, message), 0, checksum, 0, 8);
    if (NtlmFlags.has(flags, NtlmFlags.KEY_EXCH)) {
      checksum = NtlmCrypto.rc4(sealKey(exportedSessionKey, flags, fromServer), checksum);
    }
    return NtlmCrypto.concat(new byte[] {1, 0, 0, 0}, checksum, seq);
  }

  private static byte[] sealKey(byte[] exportedSessionKey, int flags, boolean fromServer) {
    int length =
        NtlmFlags.has(flags, NtlmFlags.NEGOTIATE_128)
            ? 16
            : NtlmFlags.has(flags, NtlmFlags.NEGOTIATE_56) ? 7 : 5;
    byte[] base = new byte[length];
    System.arraycopy(exportedSessionKey, 0, base, 0, length);
    return NtlmCrypto.md5(NtlmCrypto.concat(base, fromServer ? SERVER_SEAL : CLIENT_SEAL));
  }

  private static byte[] magic(String text) {
    // The constants include their terminating NUL.
    return (text + "\0").getBytes(StandardCharsets.US_ASCII);
  }
}
