package io.lyncemu.bench;

import java.util.Arrays;

/**
 * Latency samples in nanoseconds, kept in plain arrays and sorted once at the end: on a 2-core box
 * a histogram library buys nothing, and sorted samples give exact medians and percentiles. Not
 * thread-safe: each load thread owns one and they are merged afterwards.
 */
final class Samples {
  private long[] values;
  private int size;
  private long dropped;

  Samples(int initialCapacity) {
    values = new long[Math.max(16, initialCapacity)];
  }

  /** Hard cap so a runaway fast loop cannot eat the heap; beyond it samples are only counted. */
  static final int MAX_SAMPLES = 4_000_000;

  void add(long nanos) {
    if (size == values.length) {
      if (size >= MAX_SAMPLES) {
        dropped++;
        return;
      }
      values = Arrays.copyOf(values, Math.min(MAX_SAMPLES, size * 2));
    }
    values[size++] = nanos;
  }

  int size() {
    return size;
  }

  long dropped() {
    return dropped;
  }

  static Samples merge(Iterable<Samples> parts) {
    int total = 0;
    for (Samples part : parts) {
      total += part.size;
    }
    Samples all = new Samples(total);
    for (Samples part : parts) {
      System.arraycopy(part.values, 0, all.values, all.size, part.size);
      all.size += part.size;
      all.dropped += part.dropped;
    }
    return all;
  }

  /** Sorts in place and summarises; call once, after the last {@link #add}. */
  Summary summarise() {
    long[] sorted = Arrays.copyOf(values, size);
    Arrays.sort(sorted);
    return new Summary(sorted);
  }

  /** Nearest-rank statistics over sorted samples. */
  record Summary(long[] sorted) {
    int count() {
      return sorted.length;
    }

    /** The p-th percentile (0 &lt; p &le; 100) by nearest rank, in nanoseconds; 0 when empty. */
    long percentile(double p) {
      if (sorted.length == 0) {
        return 0;
      }
      int rank = (int) Math.ceil(p / 100.0 * sorted.length);
      return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
    }

    long median() {
      return percentile(50);
    }

    long p99() {
      return percentile(99);
    }
  }
}
