package io.lyncemu.mcx.auth;

import java.util.List;
import java.util.Optional;

/**
 * Client-side SPNEGO (RFC 4178) framing of NTLM tokens for {@code Authorization: Negotiate} (RFC
 * 4559). Stateless and thread-safe.
 */
public final class Spnego {
  /** The SPNEGO mechanism itself, in the GSS framing of the first token. */
  public static final String SPNEGO_OID = "1.3.6.1.5.5.2";

  /** NTLMSSP as a GSS mechanism (Microsoft arc). */
  public static final String NTLMSSP_OID = "1.3.6.1.4.1.311.2.2.10";

  /** Kerberos 5 (RFC 4121). */
  public static final String KERBEROS_OID = "1.2.840.113554.1.2.2";

  /** The legacy Microsoft Kerberos OID that Windows lists first. */
  public static final String MS_KERBEROS_OID = "1.2.840.48018.1.2.2";

  private Spnego() {}

  /** Wraps a NEGOTIATE message in a GSS-framed NegTokenInit offering NTLMSSP only. */
  public static byte[] wrapNegotiate(byte[] ntlmNegotiate) {
    return SpnegoCodec.encodeInit(List.of(NTLMSSP_OID), Optional.of(ntlmNegotiate.clone()));
  }

  /**
   * Extracts the CHALLENGE from the server's NegTokenResp.
   *
   * @throws NtlmFormatException if the token is not a NegTokenResp carrying a response token, or if
   *     the server rejected the negotiation
   */
  public static byte[] unwrapChallenge(byte[] negTokenResp) {
    SpnegoToken.Resp resp = response(negTokenResp);
    if (resp.negState().equals(Optional.of(NegState.REJECT))) {
      throw new NtlmFormatException("Server rejected the SPNEGO negotiation");
    }
    return resp.responseToken()
        .orElseThrow(() -> new NtlmFormatException("NegTokenResp without responseToken"));
  }

  /** Wraps an AUTHENTICATE message in a NegTokenResp. */
  public static byte[] wrapAuthenticate(byte[] ntlmAuthenticate) {
    return SpnegoCodec.encodeResp(
        Optional.empty(),
        Optional.empty(),
        Optional.of(ntlmAuthenticate.clone()),
        Optional.empty());
  }

  /** Wraps an AUTHENTICATE message and the client's mechListMIC in a NegTokenResp. */
  public static byte[] wrapAuthenticate(byte[] ntlmAuthenticate, byte[] mechListMic) {
    return SpnegoCodec.encodeResp(
        Optional.empty(),
        Optional.empty(),
        Optional.of(ntlmAuthenticate.clone()),
        Optional.of(mechListMic.clone()));
  }

  /** The negState of a NegTokenResp, if it has one. */
  public static Optional<NegState> negState(byte[] negTokenResp) {
    return response(negTokenResp).negState();
  }

  /** The mechListMIC of a NegTokenResp, if it has one. */
  public static Optional<byte[]> mechListMic(byte[] negTokenResp) {
    return response(negTokenResp).mechListMic();
  }

  /** The DER MechTypeList that {@link #wrapNegotiate} sends, which a mechListMIC covers. */
  public static byte[] ntlmOnlyMechTypes() {
    return SpnegoCodec.mechTypeListDer(List.of(NTLMSSP_OID));
  }

  private static SpnegoToken.Resp response(byte[] token) {
    if (SpnegoCodec.decode(token) instanceof SpnegoToken.Resp resp) {
      return resp;
    }
    throw new NtlmFormatException("Expected a NegTokenResp");
  }
}
