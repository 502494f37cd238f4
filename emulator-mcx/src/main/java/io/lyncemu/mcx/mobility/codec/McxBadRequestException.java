package io.lyncemu.mcx.mobility.codec;

import io.lyncemu.core.EmulatorException;

/**
 * A request body that is not a valid MCX request: unknown root element, wrong namespace, missing or
 * malformed attribute. Answered with {@code BadRequest}; the message is the {@code reason}.
 */
public final class McxBadRequestException extends EmulatorException {
  private static final long serialVersionUID = 1L;

  public McxBadRequestException(String message) {
    super(message);
  }
}
