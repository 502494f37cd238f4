package io.lyncemu.mcx.auth;

import java.io.ByteArrayOutputStream;

/**
 * Assembles one NTLMSSP message: a fixed header with security buffers that point into a payload
 * appended in call order. Not thread-safe; one instance per message.
 */
final class NtlmWriter {
  private final byte[] header;
  private final ByteArrayOutputStream payload = new ByteArrayOutputStream();

  NtlmWriter(int messageType, int headerLength) {
    header = new byte[headerLength];
    System.arraycopy(NtlmReader.SIGNATURE, 0, header, 0, NtlmReader.SIGNATURE.length);
    u32(8, messageType);
  }

  void u32(int offset, int value) {
    header[offset] = (byte) value;
    header[offset + 1] = (byte) (value >>> 8);
    header[offset + 2] = (byte) (value >>> 16);
    header[offset + 3] = (byte) (value >>> 24);
  }

  void bytes(int offset, byte[] value) {
    System.arraycopy(value, 0, header, offset, value.length);
  }

  /** Appends {@code data} to the payload and points the security buffer at it. */
  void field(int fieldOffset, byte[] data) {
    if (data.length > 0xFFFF) {
      throw new IllegalArgumentException("NTLM field longer than 65535 bytes");
    }
    int offset = header.length + payload.size();
    header[fieldOffset] = (byte) data.length;
    header[fieldOffset + 1] = (byte) (data.length >>> 8);
    header[fieldOffset + 2] = (byte) data.length;
    header[fieldOffset + 3] = (byte) (data.length >>> 8);
    u32(fieldOffset + 4, offset);
    payload.writeBytes(data);
  }

  byte[] toByteArray() {
    byte[] out = new byte[header.length + payload.size()];
    System.arraycopy(header, 0, out, 0, header.length);
    System.arraycopy(payload.toByteArray(), 0, out, header.length, payload.size());
    return out;
  }
}
