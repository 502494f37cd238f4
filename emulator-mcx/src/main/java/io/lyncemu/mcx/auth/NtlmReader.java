package io.lyncemu.mcx.auth;

import java.nio.charset.StandardCharsets;

/**
 * Bounds-checked little-endian reads over one NTLMSSP message. Every read validates against the
 * buffer first and throws {@link NtlmFormatException}, so hostile tokens can never cause an index
 * exception. Not thread-safe; one instance per parse.
 */
final class NtlmReader {
  static final byte[] SIGNATURE = "NTLMSSP\0".getBytes(StandardCharsets.US_ASCII);

  private final byte[] buffer;

  NtlmReader(byte[] buffer) {
    this.buffer = buffer;
  }

  int length() {
    return buffer.length;
  }

  /** The MessageType after validating the signature. */
  static long messageType(byte[] token) {
    if (token.length < 12) {
      throw new NtlmFormatException("NTLMSSP message too short: " + token.length + " bytes");
    }
    for (int i = 0; i < SIGNATURE.length; i++) {
      if (token[i] != SIGNATURE[i]) {
        throw new NtlmFormatException("Missing NTLMSSP signature");
      }
    }
    return new NtlmReader(token).u32(8);
  }

  void requireLength(int minimum, String what) {
    if (buffer.length < minimum) {
      throw new NtlmFormatException(
          what + " needs at least " + minimum + " bytes, got " + buffer.length);
    }
  }

  int u16(int offset) {
    check(offset, 2);
    return (buffer[offset] & 0xFF) | (buffer[offset + 1] & 0xFF) << 8;
  }

  long u32(int offset) {
    return i32(offset) & 0xFFFF_FFFFL;
  }

  int i32(int offset) {
    check(offset, 4);
    return (buffer[offset] & 0xFF)
        | (buffer[offset + 1] & 0xFF) << 8
        | (buffer[offset + 2] & 0xFF) << 16
        | (buffer[offset + 3] & 0xFF) << 24;
  }

  byte[] bytes(int offset, int length) {
    check(offset, length);
    byte[] out = new byte[length];
    System.arraycopy(buffer, offset, out, 0, length);
    return out;
  }

  /** Length of the security buffer (Len u16, MaxLen u16, Offset u32) at {@code fieldOffset}. */
  int fieldLength(int fieldOffset) {
    return u16(fieldOffset);
  }

  /** Offset of the security buffer at {@code fieldOffset}, as an unsigned 32-bit value. */
  long fieldOffset(int fieldOffset) {
    return u32(fieldOffset + 4);
  }

  /**
   * The payload a security buffer points at. Empty fields are returned empty whatever their offset
   * says, since Windows fills that in inconsistently.
   *
   * @param payloadStart the end of the fixed header; data may not overlap it
   */
  byte[] field(int fieldOffset, int payloadStart, String name) {
    int length = fieldLength(fieldOffset);
    if (length == 0) {
      return new byte[0];
    }
    long offset = fieldOffset(fieldOffset);
    if (offset < payloadStart || offset + length > buffer.length) {
      throw new NtlmFormatException(
          name
              + " field (offset "
              + offset
              + ", length "
              + length
              + ") lies outside the payload of a "
              + buffer.length
              + "-byte message");
    }
    return bytes((int) offset, length);
  }

  private void check(int offset, int length) {
    if (offset < 0 || length < 0 || offset > buffer.length - length) {
      throw new NtlmFormatException(
          "Read of " + length + " bytes at " + offset + " past the end of " + buffer.length);
    }
  }
}
