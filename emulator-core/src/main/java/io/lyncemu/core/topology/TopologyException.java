package io.lyncemu.core.topology;

import io.lyncemu.core.EmulatorException;

/** A topology file or a topology change is invalid; the message names the file, line and field. */
public final class TopologyException extends EmulatorException {
  private static final long serialVersionUID = 1L;

  public TopologyException(String message) {
    super(message);
  }

  public TopologyException(String message, Throwable cause) {
    super(message, cause);
  }
}
