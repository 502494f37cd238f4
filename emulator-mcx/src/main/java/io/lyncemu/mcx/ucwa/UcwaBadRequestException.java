package io.lyncemu.mcx.ucwa;

import io.lyncemu.core.EmulatorException;
import java.util.Objects;

/** A UCWA request body the codec cannot accept; carries the error to answer with. */
public final class UcwaBadRequestException extends EmulatorException {
  private static final long serialVersionUID = 1L;

  private final UcwaError error;

  public UcwaBadRequestException(UcwaError error, String message) {
    super(message);
    this.error = Objects.requireNonNull(error, "error");
  }

  public UcwaError error() {
    return error;
  }

  public UcwaRefusal refusal() {
    return new UcwaRefusal(error, getMessage());
  }
}
