package io.lyncemu.synthetic;

import java.time.Duration;
import java.util.Locale;

/**
 * .NET's constant TimeSpan format ({@code "c"}), which PowerShell uses to print a TimeSpan: {@code
 * [-][d.]hh:mm:ss[.fffffff]}, the fraction in 100-ns ticks and left out when zero.
 */
final class TimeSpanText {
  private static final long NANOS_PER_TICK = 100;
  private static final long TICKS_PER_SECOND = 10_000_000L;

  private TimeSpanText() {}

  static String of(Duration duration) {
    StringBuilder out = new StringBuilder();
    Duration d = duration;
    if (d.isNegative()) {
      out.append('-');
      d = d.negated();
    }
    long days = d.toDays();
    if (days > 0) {
      out.append(days).append('.');
    }
    out.append(
        String.format(
            Locale.ROOT, "%02d:%02d:%02d", d.toHoursPart(), d.toMinutesPart(), d.toSecondsPart()));
    long ticks = (d.toNanosPart() / NANOS_PER_TICK) % TICKS_PER_SECOND;
    if (ticks != 0) {
      out.append('.').append(String.format(Locale.ROOT, "%07d", ticks));
    }
    return out.toString();
  }
}
