package io.lyncemu.core.federation;

/** VerificationLevel of an allowed domain or hosting provider. */
public enum VerificationLevel {
  ALWAYS_VERIFIABLE,
  ALWAYS_UNVERIFIABLE,
  USE_SOURCE_VERIFICATION;

  public static VerificationLevel parse(String value) {
    return EnumNames.parse(VerificationLevel.class, value);
  }

  @Override
  public String toString() {
    return EnumNames.pascal(this);
  }
}
