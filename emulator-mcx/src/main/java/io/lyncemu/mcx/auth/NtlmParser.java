package io.lyncemu.mcx.auth;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Decodes the three NTLMSSP messages from untrusted bytes. Every failure, whatever the input, is an
 * {@link NtlmFormatException}. Stateless and thread-safe.
 */
public final class NtlmParser {
  public static final int NEGOTIATE = 1;
  public static final int CHALLENGE = 2;
  public static final int AUTHENTICATE = 3;

  private NtlmParser() {}

  /** The MessageType (1, 2 or 3) after checking the signature; other values are rejected. */
  public static int messageType(byte[] token) {
    long type = NtlmReader.messageType(token);
    if (type < NEGOTIATE || type > AUTHENTICATE) {
      throw new NtlmFormatException("Unknown NTLMSSP message type " + type);
    }
    return (int) type;
  }

  public static NegotiateMessage parseNegotiate(byte[] token) {
    expect(token, NEGOTIATE);
    NtlmReader reader = new NtlmReader(token);
    // Very old clients send only signature, type and flags; the fields are optional then.
    reader.requireLength(16, "NEGOTIATE");
    int flags = reader.i32(12);
    if (reader.length() < 32) {
      return new NegotiateMessage(flags, "", "", Optional.empty());
    }
    Optional<NtlmVersion> version = Optional.empty();
    int payloadStart = 32;
    if (NtlmFlags.has(flags, NtlmFlags.VERSION)
        && reader.length() >= 40
        && lowestOffset(reader, new int[] {16, 24}) >= 40) {
      version = Optional.of(NtlmVersion.decode(reader.bytes(32, 8), 0));
      payloadStart = 40;
    }
    String domain = oem(reader.field(16, payloadStart, "DomainName"));
    String workstation = oem(reader.field(24, payloadStart, "Workstation"));
    return new NegotiateMessage(flags, domain, workstation, version);
  }

  public static ChallengeMessage parseChallenge(byte[] token) {
    expect(token, CHALLENGE);
    NtlmReader reader = new NtlmReader(token);
    reader.requireLength(32, "CHALLENGE");
    int flags = reader.i32(20);
    byte[] serverChallenge = reader.bytes(24, 8);
    // Old servers (and the JDK's) end the header at 32 with no TargetInfo fields; the lowest
    // payload offset tells the layouts apart, as for the AUTHENTICATE.
    boolean hasTargetInfoFields =
        reader.length() >= 48 && lowestOffset(reader, new int[] {12}) >= 48;
    int headerEnd = 32;
    if (hasTargetInfoFields) {
      headerEnd = 48;
      if (reader.length() >= 56 && lowestOffset(reader, new int[] {12, 40}) >= 56) {
        headerEnd = 56;
      }
    }
    String targetName = text(reader.field(12, headerEnd, "TargetName"), flags);
    TargetInfo targetInfo = TargetInfo.empty();
    if (hasTargetInfoFields) {
      byte[] info = reader.field(40, headerEnd, "TargetInfo");
      if (info.length > 0) {
        targetInfo = TargetInfo.decode(info);
      }
    }
    Optional<NtlmVersion> version =
        headerEnd == 56
            ? Optional.of(NtlmVersion.decode(reader.bytes(48, 8), 0))
            : Optional.empty();
    return new ChallengeMessage(flags, targetName, serverChallenge, targetInfo, version);
  }

  public static AuthenticateMessage parseAuthenticate(byte[] token) {
    expect(token, AUTHENTICATE);
    NtlmReader reader = new NtlmReader(token);
    reader.requireLength(64, "AUTHENTICATE");
    int flags = reader.i32(60);
    // MS-NLMP lets clients omit Version and MIC; the lowest payload offset tells which they sent.
    long lowest = lowestOffset(reader, new int[] {12, 20, 28, 36, 44, 52});
    int headerEnd = 64;
    if (lowest >= 88 && reader.length() >= 88) {
      headerEnd = 88;
    } else if (lowest >= 72 && reader.length() >= 72) {
      headerEnd = 72;
    }
    byte[] lm = reader.field(12, headerEnd, "LmChallengeResponse");
    byte[] nt = reader.field(20, headerEnd, "NtChallengeResponse");
    String domain = text(reader.field(28, headerEnd, "DomainName"), flags);
    String user = text(reader.field(36, headerEnd, "UserName"), flags);
    String workstation = text(reader.field(44, headerEnd, "Workstation"), flags);
    byte[] key = reader.field(52, headerEnd, "EncryptedRandomSessionKey");
    Optional<NtlmVersion> version =
        headerEnd >= 72
            ? Optional.of(NtlmVersion.decode(reader.bytes(64, 8), 0))
            : Optional.empty();
    Optional<byte[]> mic =
        headerEnd >= 88
            ? Optional.of(
                reader.bytes(AuthenticateMessage.MIC_OFFSET, AuthenticateMessage.MIC_LENGTH))
            : Optional.empty();
    return new AuthenticateMessage(lm, nt, domain, user, workstation, key, flags, version, mic);
  }

  private static void expect(byte[] token, int type) {
    int actual = messageType(token);
    if (actual != type) {
      throw new NtlmFormatException("Expected NTLMSSP message type " + type + ", got " + actual);
    }
  }

  /**
   * The lowest offset among non-empty fields. Long.MAX_VALUE if every field is empty, because
   * clients then write arbitrary offsets (often zero) and only the message length is evidence.
   */
  private static long lowestOffset(NtlmReader reader, int[] fields) {
    long lowest = Long.MAX_VALUE;
    for (int field : fields) {
      if (reader.fieldLength(field) > 0) {
        lowest = Math.min(lowest, reader.fieldOffset(field));
      }
    }
    return lowest;
  }

  private static String text(byte[] bytes, int flags) {
    if (NtlmFlags.has(flags, NtlmFlags.UNICODE)) {
      if (bytes.length % 2 != 0) {
        throw new NtlmFormatException("UTF-16LE string has odd length " + bytes.length);
      }
      return new String(bytes, StandardCharsets.UTF_16LE);
    }
    return oem(bytes);
  }

  // The OEM code page is unknowable; Latin-1 maps every byte and round-trips ASCII names.
  private static String oem(byte[] bytes) {
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }
}
