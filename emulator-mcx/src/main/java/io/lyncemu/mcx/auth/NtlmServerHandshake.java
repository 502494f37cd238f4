package io.lyncemu.mcx.auth;

import java.time.Clock;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server side of one connection's NTLM handshake, over {@code Authorization: NTLM} or {@code
 * Negotiate} (raw NTLMSSP or SPNEGO-wrapped). NTLM is connection-bound, so the HTTP layer keeps one
 * instance per TCP connection and calls {@link #accept} once per request leg. Never throws for bad
 * input: every failure is an {@link AuthStep.Rejected}, after which the handshake starts over. Not
 * thread-safe; a connection serves one request at a time.
 */
public final class NtlmServerHandshake {
  private static final Logger LOG = LoggerFactory.getLogger(NtlmServerHandshake.class);

  /** Far above any real token (IIS caps request headers at 64 KiB); guards against memory abuse. */
  private static final int MAX_TOKEN_CHARS = 96 * 1024;

  private static final String NTLM = "NTLM";
  private static final String NEGOTIATE = "Negotiate";

  /** A CHALLENGE has been sent; the AUTHENTICATE is due. */
  private record Pending(
      String scheme,
      boolean spnego,
      byte[] negotiate,
      byte[] challenge,
      byte[] serverChallenge,
      Optional<byte[]> mechTypes) {}

  private final ChallengeIssuer issuer;
  private final NtlmVerifier verifier;

  private Pending pending;

  /** MechTypeList of a SPNEGO init whose optimistic token was not NTLM; the NEGOTIATE is due. */
  private Optional<byte[]> spnegoMechTypes = Optional.empty();

  public NtlmServerHandshake(
      NtlmServerIdentity identity,
      NtlmCredentials credentials,
      RandomGenerator random,
      Clock clock) {
    this.issuer = new ChallengeIssuer(identity, random, clock);
    this.verifier = new NtlmVerifier(credentials);
  }

  /**
   * Processes one {@code Authorization} header.
   *
   * @param scheme {@code NTLM} or {@code Negotiate} (case-insensitive), as the client wrote it
   * @param base64Token the base64 text after the scheme name
   */
  public AuthStep accept(String scheme, String base64Token) {
    String canonical = canonical(scheme);
    if (canonical == null) {
      return reject(AuthFailure.UNSUPPORTED_MECHANISM, "Unsupported scheme: " + scheme);
    }
    try {
      byte[] token = decodeBase64(base64Token);
      if (startsWithNtlmssp(token)) {
        return onNtlm(canonical, false, token, Optional.empty());
      }
      if (canonical.equals(NTLM)) {
        throw new NtlmFormatException("NTLM scheme token is not an NTLMSSP message");
      }
      return onSpnego(SpnegoCodec.decode(token));
    } catch (NtlmFormatException e) {
      return reject(AuthFailure.MALFORMED_TOKEN, e.getMessage());
    }
  }

  private AuthStep onSpnego(SpnegoToken token) {
    if (token instanceof SpnegoToken.Init init) {
      pending = null;
      if (!init.mechTypes().contains(Spnego.NTLMSSP_OID)) {
        return reject(
            AuthFailure.UNSUPPORTED_MECHANISM, "SPNEGO offers no NTLMSSP: " + init.mechTypes());
      }
      Optional<byte[]> mechTypes = Optional.of(init.mechTypesDer());
      if (init.mechTypes().get(0).equals(Spnego.NTLMSSP_OID) && init.mechToken().isPresent()) {
        return onNtlm(NEGOTIATE, true, init.mechToken().get(), mechTypes);
      }
      // The optimistic token (if any) is for a mechanism we lack, e.g. Kerberos: select NTLMSSP
      // and let the client start over with an NTLM NEGOTIATE (RFC 4178 §5, step c).
      spnegoMechTypes = mechTypes;
      return new AuthStep.Challenge(
          NEGOTIATE
              + " "
              + base64(
                  SpnegoCodec.encodeResp(
                      Optional.of(NegState.ACCEPT_INCOMPLETE),
                      Optional.of(Spnego.NTLMSSP_OID),
                      Optional.empty(),
                      Optional.empty())));
    }
    SpnegoToken.Resp resp = (SpnegoToken.Resp) token;
    byte[] ntlm =
        resp.responseToken()
            .orElseThrow(() -> new NtlmFormatException("NegTokenResp without responseToken"));
    if (!startsWithNtlmssp(ntlm)) {
      throw new NtlmFormatException("NegTokenResp does not carry an NTLMSSP message");
    }
    Optional<byte[]> mechTypes = pending != null ? pending.mechTypes() : spnegoMechTypes;
    return onNtlmInSpnego(ntlm, mechTypes, resp.mechListMic());
  }

  private AuthStep onNtlmInSpnego(
      byte[] ntlm, Optional<byte[]> mechTypes, Optional<byte[]> clientMechListMic) {
    if (NtlmParser.messageType(ntlm) == NtlmParser.AUTHENTICATE) {
      return onAuthenticate(NEGOTIATE, true, ntlm, clientMechListMic);
    }
    return onNtlm(NEGOTIATE, true, ntlm, mechTypes);
  }

  private AuthStep onNtlm(String scheme, boolean spnego, byte[] ntlm, Optional<byte[]> mechTypes) {
    return switch (NtlmParser.messageType(ntlm)) {
      case NtlmParser.NEGOTIATE -> onNegotiate(scheme, spnego, ntlm, mechTypes);
      case NtlmParser.AUTHENTICATE -> onAuthenticate(scheme, spnego, ntlm, Optional.empty());
      default -> throw new NtlmFormatException("A client may not send a CHALLENGE message");
    };
  }

  private AuthStep onNegotiate(
      String scheme, boolean spnego, byte[] ntlm, Optional<byte[]> mechTypes) {
    pending = null;
    spnegoMechTypes = Optional.empty();
    NegotiateMessage negotiate = NtlmParser.parseNegotiate(ntlm);
    ChallengeMessage challenge = issuer.issue(negotiate);
    byte[] challengeBytes = NtlmEncoder.encode(challenge);
    pending =
        new Pending(
            scheme,
            spnego,
            ntlm.clone(),
            challengeBytes,
            challenge.serverChallenge(),
            spnego ? mechTypes : Optional.empty());
    byte[] wireToken =
        spnego
            ? SpnegoCodec.encodeResp(
                Optional.of(NegState.ACCEPT_INCOMPLETE),
                Optional.of(Spnego.NTLMSSP_OID),
                Optional.of(challengeBytes),
                Optional.empty())
            : challengeBytes;
    return new AuthStep.Challenge(scheme + " " + base64(wireToken));
  }

  private AuthStep onAuthenticate(
      String scheme, boolean spnego, byte[] ntlm, Optional<byte[]> clientMechListMic) {
    AuthenticateMessage message = NtlmParser.parseAuthenticate(ntlm);
    Pending current = pending;
    pending = null;
    spnegoMechTypes = Optional.empty();
    if (current == null) {
      return reject(AuthFailure.UNEXPECTED_MESSAGE, "AUTHENTICATE without a prior NEGOTIATE");
    }
    if (!current.scheme().equals(scheme)) {
      return reject(
          AuthFailure.UNEXPECTED_MESSAGE,
          "Scheme changed from " + current.scheme() + " to " + scheme + " mid-handshake");
    }
    NtlmVerifier.Outcome outcome =
        verifier.verify(
            current.negotiate(), current.challenge(), current.serverChallenge(), ntlm, message);
    if (!(outcome.step() instanceof AuthStep.Authenticated authenticated)) {
      return logged((AuthStep.Rejected) outcome.step());
    }
    if (!spnego && !current.spnego()) {
      return authenticated;
    }
    Optional<byte[]> serverMechListMic = Optional.empty();
    if (clientMechListMic.isPresent()
        && outcome.exportedSessionKey().isPresent()
        && current.mechTypes().isPresent()) {
      byte[] key = outcome.exportedSessionKey().get();
      byte[] mechTypes = current.mechTypes().get();
      byte[] expected = NtlmSigner.sign(key, message.flags(), false, 0, mechTypes);
      if (!NtlmCrypto.constantTimeEquals(expected, clientMechListMic.get())) {
        return reject(AuthFailure.MIC_MISMATCH, "SPNEGO mechListMIC mismatch");
      }
      serverMechListMic = Optional.of(NtlmSigner.sign(key, message.flags(), true, 0, mechTypes));
    }
    byte[] completed =
        SpnegoCodec.encodeResp(
            Optional.of(NegState.ACCEPT_COMPLETED),
            Optional.empty(),
            Optional.empty(),
            serverMechListMic);
    return new AuthStep.Authenticated(
        authenticated.domain(),
        authenticated.user(),
        authenticated.workstation(),
        Optional.of(NEGOTIATE + " " + base64(completed)));
  }

  private AuthStep.Rejected reject(AuthFailure failure, String detail) {
    pending = null;
    spnegoMechTypes = Optional.empty();
    return logged(new AuthStep.Rejected(failure, detail));
  }

  private static AuthStep.Rejected logged(AuthStep.Rejected rejected) {
    LOG.debug(
        "NTLM handshake rejected: {} ({}) {}",
        rejected.failure(),
        rejected.failure().statusName(),
        rejected.detail());
    return rejected;
  }

  private static String canonical(String scheme) {
    if (scheme == null) {
      return null;
    }
    return switch (scheme.trim().toLowerCase(Locale.ROOT)) {
      case "ntlm" -> NTLM;
      case "negotiate" -> NEGOTIATE;
      default -> null;
    };
  }

  private static byte[] decodeBase64(String text) {
    if (text == null || text.isBlank()) {
      throw new NtlmFormatException("Empty token");
    }
    String trimmed = text.trim();
    if (trimmed.length() > MAX_TOKEN_CHARS) {
      throw new NtlmFormatException("Token of " + trimmed.length() + " characters is too long");
    }
    try {
      return Base64.getDecoder().decode(trimmed);
    } catch (IllegalArgumentException e) {
      throw new NtlmFormatException("Token is not base64: " + e.getMessage(), e);
    }
  }

  private static boolean startsWithNtlmssp(byte[] token) {
    if (token.length < NtlmReader.SIGNATURE.length) {
      return false;
    }
    for (int i = 0; i < NtlmReader.SIGNATURE.length; i++) {
      if (token[i] != NtlmReader.SIGNATURE[i]) {
        return false;
      }
    }
    return true;
  }

  static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
