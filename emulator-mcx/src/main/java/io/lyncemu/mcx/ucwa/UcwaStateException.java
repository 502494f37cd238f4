package io.lyncemu.mcx.ucwa;

import io.lyncemu.core.EmulatorException;

/** A UCWA application could not change state because a collaborator failed, e.g. the router. */
public final class UcwaStateException extends EmulatorException {
  private static final long serialVersionUID = 1L;

  public UcwaStateException(String message, Throwable cause) {
    super(message, cause);
  }
}
