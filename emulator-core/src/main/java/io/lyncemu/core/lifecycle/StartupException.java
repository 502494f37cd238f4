package io.lyncemu.core.lifecycle;

import io.lyncemu.core.EmulatorException;

/** A service could not start; the message says what failed and what to change. */
public class StartupException extends EmulatorException {
  private static final long serialVersionUID = 1L;

  public StartupException(String message) {
    super(message);
  }

  public StartupException(String message, Throwable cause) {
    super(message, cause);
  }
}
