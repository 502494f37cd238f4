package io.lyncemu.mcx.auth;

/**
 * The 8-byte VERSION structure (MS-NLMP §2.2.2.10): Windows major/minor/build and the NTLM revision
 * (15 = NTLMSSP_REVISION_W2K3). Debugging aid only; never used for security decisions.
 */
public record NtlmVersion(int major, int minor, int build, int revision) {
  /** Windows Server 2012 R2, which runs IIS 8.5 under Lync Server 2013. */
  public static final NtlmVersion WINDOWS_SERVER_2012_R2 = new NtlmVersion(6, 3, 9600, 15);

  /** Windows 10 (build 19041), a plausible client. */
  public static final NtlmVersion WINDOWS_10 = new NtlmVersion(10, 0, 19041, 15);

  static final int LENGTH = 8;

  public NtlmVersion {
    if (major < 0 || major > 0xFF || minor < 0 || minor > 0xFF) {
      throw new IllegalArgumentException("major/minor must fit in a byte");
    }
    if (build < 0 || build > 0xFFFF || revision < 0 || revision > 0xFF) {
      throw new IllegalArgumentException("build must fit in 16 bits, revision in a byte");
    }
  }

  byte[] encode() {
    return new byte[] {
      (byte) major, (byte) minor, (byte) build, (byte) (build >>> 8), 0, 0, 0, (byte) revision
    };
  }

  static NtlmVersion decode(byte[] buffer, int offset) {
    return new NtlmVersion(
        buffer[offset] & 0xFF,
        buffer[offset + 1] & 0xFF,
        (buffer[offset + 2] & 0xFF) | (buffer[offset + 3] & 0xFF) << 8,
        buffer[offset + 7] & 0xFF);
  }
}
