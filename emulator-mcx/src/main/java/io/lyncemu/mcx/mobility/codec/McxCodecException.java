package io.lyncemu.mcx.mobility.codec;

import io.lyncemu.core.EmulatorException;

/** Writing an MCX document failed inside the XML library; a bug, never a client's fault. */
public final class McxCodecException extends EmulatorException {
  private static final long serialVersionUID = 1L;

  public McxCodecException(String message, Throwable cause) {
    super(message, cause);
  }
}
