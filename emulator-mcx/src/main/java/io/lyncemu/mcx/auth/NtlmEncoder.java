package io.lyncemu.mcx.auth;

import java.nio.charset.StandardCharsets;

/**
 * Encodes the three NTLMSSP messages, with payload in the order Windows writes it. Strings are
 * UTF-16LE when the message's flags include UNICODE, otherwise OEM (Latin-1). Stateless and
 * thread-safe.
 */
public final class NtlmEncoder {
  private NtlmEncoder() {}

  public static byte[] encode(NegotiateMessage message) {
    boolean withVersion = message.version().isPresent();
    NtlmWriter writer = new NtlmWriter(NtlmParser.NEGOTIATE, withVersion ? 40 : 32);
    writer.u32(12, message.flags());
    message.version().ifPresent(version -> writer.bytes(32, version.encode()));
    writer.field(16, oem(message.domain()));
    writer.field(24, oem(message.workstation()));
    return writer.toByteArray();
  }

  public static byte[] encode(ChallengeMessage message) {
    boolean withVersion = message.version().isPresent();
    NtlmWriter writer = new NtlmWriter(NtlmParser.CHALLENGE, withVersion ? 56 : 48);
    writer.u32(20, message.flags());
    writer.bytes(24, message.serverChallenge());
    message.version().ifPresent(version -> writer.bytes(48, version.encode()));
    writer.field(12, text(message.targetName(), message.flags()));
    boolean withTargetInfo =
        NtlmFlags.has(message.flags(), NtlmFlags.TARGET_INFO)
            || !message.targetInfo().pairs().isEmpty();
    writer.field(40, withTargetInfo ? message.targetInfo().encode() : new byte[0]);
    return writer.toByteArray();
  }

  /**
   * Encodes an AUTHENTICATE. A message with a MIC gets the full 88-byte header (Version + MIC); to
   * compute the MIC, encode with 16 zero bytes first, then patch the field at {@link
   * AuthenticateMessage#MIC_OFFSET}.
   */
  public static byte[] encode(AuthenticateMessage message) {
    int headerLength = message.mic().isPresent() ? 88 : message.version().isPresent() ? 72 : 64;
    NtlmWriter writer = new NtlmWriter(NtlmParser.AUTHENTICATE, headerLength);
    writer.u32(60, message.flags());
    message.version().ifPresent(version -> writer.bytes(64, version.encode()));
    message.mic().ifPresent(mic -> writer.bytes(AuthenticateMessage.MIC_OFFSET, mic));
    writer.field(28, text(message.domain(), message.flags()));
    writer.field(36, text(message.user(), message.flags()));
    writer.field(44, text(message.workstation(), message.flags()));
    writer.field(12, message.lmChallengeResponse());
    writer.field(20, message.ntChallengeResponse());
    writer.field(52, message.encryptedRandomSessionKey());
    return writer.toByteArray();
  }

  private static byte[] text(String value, int flags) {
    return NtlmFlags.has(flags, NtlmFlags.UNICODE)
        ? value.getBytes(StandardCharsets.UTF_16LE)
        : oem(value);
  }

  private static byte[] oem(String value) {
    return value.getBytes(StandardCharsets.ISO_8859_1);
  }
}
