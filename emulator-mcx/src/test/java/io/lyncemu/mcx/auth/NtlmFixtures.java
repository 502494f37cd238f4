package io.lyncemu.mcx.auth;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/** Shared test data: a Litware-like server, its users, a fixed clock and seeded randomness. */
final class NtlmFixtures {
  static final NtlmServerIdentity IDENTITY =
      new NtlmServerIdentity(
          "ATL-CS-001",
          "LITWAREINC",
          "atl-cs-001.litwareinc.com",
          "litwareinc.com",
          "litwareinc.com");

  static final Instant NOW = Instant.parse("2014-03-01T10:15:30Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  /** Passwords keyed by upper-cased user; the domain is ignored, as one forest serves all. */
  private static final Map<String, String> PASSWORDS =
      Map.of("ALICE", "Pa$$w0rd!", "BOB", "hunter2", "ÉMILE", "Mot de passe ü");

  static final NtlmCredentials CREDENTIALS =
      (domain, user) -> Optional.ofNullable(PASSWORDS.get(user.toUpperCase(Locale.ROOT)));

  private NtlmFixtures() {}

  static NtlmServerHandshake server() {
    return server(new SplittableRandom(7));
  }

  static NtlmServerHandshake server(SplittableRandom random) {
    return new NtlmServerHandshake(IDENTITY, CREDENTIALS, random, CLOCK);
  }

  static NtlmClient client() {
    return new NtlmClient(new SplittableRandom(11), CLOCK);
  }

  static byte[] hex(String text) {
    return HexFormat.of().parseHex(text.replace(" ", ""));
  }

  static String b64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** The token part of a {@code WWW-Authenticate} value such as {@code NTLM TlRM...}. */
  static byte[] tokenOf(String headerValue) {
    return Base64.getDecoder().decode(headerValue.substring(headerValue.indexOf(' ') + 1));
  }

  static String schemeOf(String headerValue) {
    return headerValue.substring(0, headerValue.indexOf(' '));
  }

  static AuthStep.Challenge challenge(AuthStep step) {
    if (step instanceof AuthStep.Challenge c) {
      return c;
    }
    throw new AssertionError("Expected a Challenge, got " + step);
  }
}
