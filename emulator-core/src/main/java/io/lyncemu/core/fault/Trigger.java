package io.lyncemu.core.fault;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** When a matching exchange is faulted, counted per rule from the moment the rule was added. */
public sealed interface Trigger {

  /** Every matching exchange. */
  record Always() implements Trigger {}

  /** Every matching exchange after the first {@code n} pass untouched. */
  record After(int n) implements Trigger {
    public After {
      if (n < 0) {
        throw new IllegalArgumentException("after must be 0 or more: " + n);
      }
    }
  }

  /** Only the {@code n}th matching exchange (1-based). */
  record Nth(int n) implements Trigger {
    public Nth {
      if (n < 1) {
        throw new IllegalArgumentException("nth counts from 1: " + n);
      }
    }
  }

  /** Every matching exchange for this long (emulator clock) after the rule was added. */
  record During(Duration length) implements Trigger {
    public During {
      Objects.requireNonNull(length, "length");
    }
  }

  /**
   * Whether the {@code hit}th matching exchange (1-based) at {@code now} is faulted, for a rule
   * added at {@code since}.
   */
  default boolean fires(long hit, Instant since, Instant now) {
    if (this instanceof After a) {
      return hit > a.n();
    } else if (this instanceof Nth n) {
      return hit == n.n();
    } else if (this instanceof During d) {
      return now.isBefore(since.plus(d.length()));
    }
    return true;
  }
}
