package io.lyncemu.core.federation;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Parses PowerShell-style enum values ({@code NotSupported}, {@code notsupported}, ...). */
final class EnumNames {
  private EnumNames() {}

  static <E extends Enum<E>> E parse(Class<E> type, String value) {
    String wanted = Negotiation.key(value == null ? "" : value.trim());
    for (E constant : type.getEnumConstants()) {
      if (Negotiation.key(constant.name()).equals(wanted)) {
        return constant;
      }
    }
    throw new IllegalArgumentException(
        "'"
            + value
            + "' is not one of "
            + Arrays.stream(type.getEnumConstants())
                .map(Object::toString)
                .collect(Collectors.joining(", ")));
  }

  /** {@code PUBLIC_UNVERIFIED} → {@code PublicUnverified}. */
  static String pascal(Enum<?> constant) {
    StringBuilder out = new StringBuilder();
    for (String part : constant.name().split("_")) {
      out.append(part.charAt(0)).append(part.substring(1).toLowerCase(java.util.Locale.ROOT));
    }
    return out.toString();
  }
}
