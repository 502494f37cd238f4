package io.lyncemu.mcx.webticket;

import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The opaque "compact web ticket" text {@code cwt=…} handed out by {@code /Auth} (user-cwt-1) and
 * by {@code /WebTicket/oauthtoken}. The real format is undocumented; ours is {@code cwt=} plus
 * base64url (no padding) of three version bytes {@code 00 01 01} (so values begin {@code AAEB},
 * like published samples) and 45 random bytes. It carries no data: the {@link WebTicketStore} maps
 * it to the ticket. Immutable.
 *
 * @param value the full token text including the {@code cwt=} prefix
 */
public record CompactWebTicket(String value) {
  public static final String PREFIX = "cwt=";
  private static final byte[] VERSION = {0x00, 0x01, 0x01};
  private static final int RANDOM_BYTES = 45;
  // Accept standard base64 too: other producers' tokens may be presented and must merely not match.
  private static final Pattern SHAPE = Pattern.compile("cwt=[A-Za-z0-9_\\-+/]{16,4096}={0,2}");

  public CompactWebTicket {
    Objects.requireNonNull(value, "value");
    if (!SHAPE.matcher(value).matches()) {
      throw new IllegalArgumentException("not a cwt= token");
    }
  }

  /** A fresh, unguessable ticket; pass a {@link java.security.SecureRandom} in production. */
  public static CompactWebTicket generate(RandomGenerator random) {
    Objects.requireNonNull(random, "random");
    byte[] bytes = new byte[VERSION.length + RANDOM_BYTES];
    System.arraycopy(VERSION, 0, bytes, 0, VERSION.length);
    byte[] tail = new byte[RANDOM_BYTES];
    random.nextBytes(tail);
    System.arraycopy(tail, 0, bytes, VERSION.length, RANDOM_BYTES);
    return new CompactWebTicket(
        PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  /** Parses presented text (surrounding whitespace ignored); absent unless it has the cwt shape. */
  public static Optional<CompactWebTicket> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.trim();
    return SHAPE.matcher(t).matches() ? Optional.of(new CompactWebTicket(t)) : Optional.empty();
  }

  @Override
  public String toString() {
    // Tickets are bearer secrets; keep them out of logs.
    return "CompactWebTicket[" + value.substring(0, Math.min(value.length(), 10)) + "…]";
  }
}
