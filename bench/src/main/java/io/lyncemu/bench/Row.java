package io.lyncemu.bench;

import java.util.Locale;

/**
 * One line of the results table. Values are preformatted strings so that a measurement that could
 * not run still gets a row saying why, instead of vanishing from the report.
 *
 * @param measurement what was measured
 * @param median median latency or duration, or "-"
 * @param p99 99th percentile, or "-"
 * @param rate throughput, or "-"
 * @param goal the target, in words
 * @param verdict met, MISSED, or not run
 * @param notes sample counts, failures, caveats
 */
record Row(
    String measurement,
    String median,
    String p99,
    String rate,
    String goal,
    String verdict,
    String notes) {

  static final String NONE = "-";

  static Row notRun(String measurement, String goal, String why) {
    return new Row(measurement, NONE, NONE, NONE, goal, "not run", why);
  }

  static String millis(long nanos) {
    return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
  }

  static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.3f s", nanos / 1e9);
  }

  static String perSecond(double rate) {
    return String.format(Locale.ROOT, "%,.0f /s", rate);
  }

  static String verdict(boolean met) {
    return met ? "met" : "MISSED";
  }
}
