package io.lyncemu.core.scenario;

import io.lyncemu.core.EmulatorException;

/** A scenario file is invalid, unknown, or could not be applied; the message says which and why. */
public final class ScenarioException extends EmulatorException {
  private static final long serialVersionUID = 1L;

  public ScenarioException(String message) {
    super(message);
  }

  public ScenarioException(String message, Throwable cause) {
    super(message, cause);
  }
}
