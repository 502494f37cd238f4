package io.lyncemu.mcx.mobility;

import java.util.Objects;

/** Why an MCX operation was refused: the error code and a human-readable reason. */
public record McxRefusal(McxError error, String reason) {
  public McxRefusal {
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(reason, "reason");
  }
}
