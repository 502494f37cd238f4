package io.lyncemu.bench;

import java.lang.management.ManagementFactory;

/** CPU time consumed by this JVM so far, all threads, via the platform MXBean. */
final class ProcessCpu {
  private ProcessCpu() {}

  /** Nanoseconds of CPU used by this process, or -1 where the JVM does not expose it. */
  static long nanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }
}
