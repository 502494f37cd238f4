package io.lyncemu.core.topology;

import java.util.Locale;

/**
 * {@code UseWindowsAuth} of the web service configuration: which Integrated Windows schemes the IIS
 * sites offer. Negotiate offers both {@code Negotiate} and {@code NTLM}; NTLM offers only {@code
 * NTLM}; None offers neither.
 */
public enum WindowsAuth {
  NEGOTIATE("Negotiate"),
  NTLM("NTLM"),
  NONE("None");

  private final String display;

  WindowsAuth(String display) {
    this.display = display;
  }

  /** The value as Get-CsWebServiceConfiguration prints it. */
  public String display() {
    return display;
  }

  public boolean offersNegotiate() {
    return this == NEGOTIATE;
  }

  public boolean offersNtlm() {
    return this != NONE;
  }

  public static WindowsAuth parse(String text) {
    for (WindowsAuth value : values()) {
      if (value.display.equalsIgnoreCase(text.trim())
          || value.name().equalsIgnoreCase(text.trim())) {
        return value;
      }
    }
    throw new IllegalArgumentException(
        "UseWindowsAuth must be Negotiate, NTLM or None, not '" + text + "'");
  }

  @Override
  public String toString() {
    return display.toLowerCase(Locale.ROOT).equals("ntlm") ? "NTLM" : display;
  }
}
