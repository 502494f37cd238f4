package io.lyncemu.mcx.ucwa;

import io.lyncemu.mcx.outcome.Outcome;
import java.util.Objects;

/** Why a UCWA request was refused: the error and the {@code message} of the error body. */
public record UcwaRefusal(UcwaError error, String message) {
  public UcwaRefusal {
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(message, "message");
  }

  /** A refused {@link Outcome} carrying this refusal. */
  public static <T> Outcome<T, UcwaRefusal> refuse(UcwaError error, String message) {
    return Outcome.refused(new UcwaRefusal(error, message));
  }
}
