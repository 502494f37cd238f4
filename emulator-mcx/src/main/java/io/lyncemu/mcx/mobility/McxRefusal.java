package io.lyncemu.mcx.mobility;

import io.lyncemu.mcx.outcome.Outcome;
import java.util.Objects;

/** Why an MCX operation was refused: the error code and a human-readable reason. */
public record McxRefusal(McxError error, String reason) {
  public McxRefusal {
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(reason, "reason");
  }

  /** A refused {@link Outcome} carrying this refusal. */
  public static <T> Outcome<T, McxRefusal> refuse(McxError error, String reason) {
    return Outcome.refused(new McxRefusal(error, reason));
  }
}
