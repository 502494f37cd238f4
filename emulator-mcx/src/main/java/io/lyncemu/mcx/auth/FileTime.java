package io.lyncemu.mcx.auth;

import java.time.Instant;

/** Windows FILETIME: 100 ns ticks since 1601-01-01 UTC, as MsvAvTimestamp carries it. */
final class FileTime {
  /** Seconds between 1601-01-01 and 1970-01-01. */
  private static final long EPOCH_DELTA_SECONDS = 11_644_473_600L;

  private FileTime() {}

  static long of(Instant instant) {
    long seconds = instant.getEpochSecond() + EPOCH_DELTA_SECONDS;
    return seconds * 10_000_000L + instant.getNano() / 100;
  }

  static Instant toInstant(long fileTime) {
    long seconds = Math.floorDiv(fileTime, 10_000_000L) - EPOCH_DELTA_SECONDS;
    long nanos = Math.floorMod(fileTime, 10_000_000L) * 100;
    return Instant.ofEpochSecond(seconds, nanos);
  }

  static byte[] encode(long fileTime) {
    byte[] out = new byte[8];
    for (int i = 0; i < 8; i++) {
      out[i] = (byte) (fileTime >>> (8 * i));
    }
    return out;
  }

  static long decode(byte[] value) {
    long result = 0;
    for (int i = 7; i >= 0; i--) {
      result = result << 8 | (value[i] & 0xFF);
    }
    return result;
  }
}
