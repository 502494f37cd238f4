package io.lyncemu.core.topology;

import java.util.Locale;
import java.util.regex.Pattern;

/** Checks and normalises host names and SIP addresses used in a topology. */
public final class Fqdns {
  private static final Pattern FQDN =
      Pattern.compile(
          "(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");
  private static final Pattern SIP_URI = Pattern.compile("sip:[^@\\s:;]+@[^@\\s:;]+");

  private Fqdns() {}

  public static String require(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " is required");
    }
    String lower = value.trim().toLowerCase(Locale.ROOT);
    if (!FQDN.matcher(lower).matches()) {
      throw new IllegalArgumentException(field + " '" + value + "' is not a valid host name");
    }
    return lower;
  }

  /**
   * Normalises a SIP address: adds the {@code sip:} prefix when missing and lower-cases it, as Lync
   * compares SIP URIs case-insensitively.
   */
  public static String sipUri(String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("a SIP address is required");
    }
    String trimmed = value.trim();
    String uri =
        (trimmed.regionMatches(true, 0, "sip:", 0, 4)
                ? "sip:" + trimmed.substring(4)
                : "sip:" + trimmed)
            .toLowerCase(Locale.ROOT);
    if (!SIP_URI.matcher(uri).matches()) {
      throw new IllegalArgumentException(
          "'" + value + "' is not a SIP address like sip:user@domain");
    }
    return uri;
  }

  /** The domain part of a SIP address. */
  public static String domainOf(String sipUri) {
    return sipUri(sipUri).substring(sipUri(sipUri).indexOf('@') + 1);
  }
}
