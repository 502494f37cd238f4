package io.lyncemu.core.journal;

import io.lyncemu.core.EmulatorException;

/** An await ran out of time; the message says what was awaited and what was seen instead. */
public final class JournalTimeoutException extends EmulatorException {
  private static final long serialVersionUID = 1L;

  public JournalTimeoutException(String message) {
    super(message);
  }
}
