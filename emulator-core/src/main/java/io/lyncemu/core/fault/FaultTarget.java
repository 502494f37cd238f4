package io.lyncemu.core.fault;

import java.util.Locale;

/**
 * Which exchanges a fault applies to. Every non-empty criterion must match: the listener name
 * exactly, the path as a case-insensitive prefix (IIS paths are case-insensitive), the step exactly
 * or as a prefix ending in {@code .*}.
 */
public record FaultTarget(String listener, String pathPrefix, String step) {
  public FaultTarget {
    listener = listener == null ? "" : listener;
    pathPrefix = pathPrefix == null ? "" : pathPrefix;
    step = step == null ? "" : step;
    if (listener.isEmpty() && pathPrefix.isEmpty() && step.isEmpty()) {
      throw new IllegalArgumentException("a fault needs a listener, a path or a step to apply to");
    }
  }

  public static FaultTarget step(String step) {
    return new FaultTarget("", "", step);
  }

  public static FaultTarget path(String prefix) {
    return new FaultTarget("", prefix, "");
  }

  public static FaultTarget listener(String name) {
    return new FaultTarget(name, "", "");
  }

  public boolean matches(FaultPoint point) {
    return (listener.isEmpty() || listener.equals(point.listener()))
        && (pathPrefix.isEmpty()
            || point
                .path()
                .toLowerCase(Locale.ROOT)
                .startsWith(pathPrefix.toLowerCase(Locale.ROOT)))
        && (step.isEmpty() || stepMatches(point.step()));
  }

  private boolean stepMatches(String actual) {
    if (step.endsWith(".*")) {
      return actual.startsWith(step.substring(0, step.length() - 1));
    }
    return step.equals(actual);
  }
}
