package io.lyncemu.mcx.ucwa;

import java.util.Objects;

/** Why a UCWA request was refused: the error and the {@code message} of the error body. */
public record UcwaRefusal(UcwaError error, String message) {
  public UcwaRefusal {
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(message, "message");
  }
}
