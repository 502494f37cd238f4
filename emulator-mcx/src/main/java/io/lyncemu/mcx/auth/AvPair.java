package io.lyncemu.mcx.auth;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One TargetInfo attribute/value pair (MS-NLMP §2.2.2.1). The value is copied in and out, so the
 * record is immutable.
 */
public record AvPair(int id, byte[] value) {
  public static final int EOL = 0;
  public static final int NB_COMPUTER_NAME = 1;
  public static final int NB_DOMAIN_NAME = 2;
  public static final int DNS_COMPUTER_NAME = 3;
  public static final int DNS_DOMAIN_NAME = 4;
  public static final int DNS_TREE_NAME = 5;
  public static final int FLAGS = 6;
  public static final int TIMESTAMP = 7;
  public static final int SINGLE_HOST = 8;
  public static final int TARGET_NAME = 9;
  public static final int CHANNEL_BINDINGS = 10;

  /** MsvAvFlags bit: the AUTHENTICATE message carries a MIC. */
  public static final int FLAG_MIC_PRESENT = 0x2;

  public AvPair {
    if (id < 0 || id > 0xFFFF) {
      throw new IllegalArgumentException("AvId must fit in 16 bits: " + id);
    }
    Objects.requireNonNull(value, "value");
    if (value.length > 0xFFFF) {
      throw new IllegalArgumentException("AvLen must fit in 16 bits: " + value.length);
    }
    value = value.clone();
  }

  @Override
  public byte[] value() {
    return value.clone();
  }

  static AvPair ofString(int id, String text) {
    return new AvPair(id, text.getBytes(StandardCharsets.UTF_16LE));
  }

  static AvPair ofInt(int id, int number) {
    return new AvPair(
        id,
        new byte[] {
          (byte) number, (byte) (number >>> 8), (byte) (number >>> 16), (byte) (number >>> 24)
        });
  }

  /** The value as UTF-16LE text, for the name pairs 1 to 5 and 9. */
  public String text() {
    return new String(value, StandardCharsets.UTF_16LE);
  }

  int length() {
    return value.length;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AvPair pair && pair.id == id && Arrays.equals(pair.value, value);
  }

  @Override
  public int hashCode() {
    return 31 * id + Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return "AvPair[id=" + id + ", length=" + value.length + "]";
  }
}
