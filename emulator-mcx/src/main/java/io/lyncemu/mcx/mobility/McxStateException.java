package io.lyncemu.mcx.mobility;

import io.lyncemu.core.EmulatorException;

/** An MCX session could not change state because a collaborator failed, e.g. the router. */
public final class McxStateException extends EmulatorException {
  private static final long serialVersionUID = 1L;

  public McxStateException(String message, Throwable cause) {
    super(message, cause);
  }
}
