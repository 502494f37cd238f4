package io.lyncemu.mcx.web;

import io.lyncemu.core.EmulatorException;

/**
 * The request body exceeds the configured limit; the server answers 413 and keeps serving others.
 */
public final class BodyTooLargeException extends EmulatorException {
  private static final long serialVersionUID = 1L;

  public BodyTooLargeException(long limit) {
    super("request body larger than " + limit + " bytes");
  }
}
