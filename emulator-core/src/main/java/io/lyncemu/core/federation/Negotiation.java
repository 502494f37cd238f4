package io.lyncemu.core.federation;

import java.util.Locale;

/** TlsNegotiation and SaslNegotiation of an XMPP partner (New-CsXmppAllowedPartner). */
public enum Negotiation {
  REQUIRED,
  OPTIONAL,
  NOT_SUPPORTED;

  /** As PowerShell prints it: {@code Required}, {@code Optional}, {@code NotSupported}. */
  public String wireName() {
    return switch (this) {
      case REQUIRED -> "Required";
      case OPTIONAL -> "Optional";
      case NOT_SUPPORTED -> "NotSupported";
    };
  }

  public static Negotiation parse(String value) {
    return EnumNames.parse(Negotiation.class, value);
  }

  @Override
  public String toString() {
    return wireName();
  }

  static String key(String value) {
    return value.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
  }
}
