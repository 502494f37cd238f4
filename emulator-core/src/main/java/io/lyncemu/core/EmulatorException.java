package io.lyncemu.core;

/**
 * The root of every exception the emulator throws on purpose. Unchecked, so that protocol code
 * stays readable; adapters wrap checked I/O into a subclass that names the endpoint, peer or file
 * involved.
 */
public class EmulatorException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public EmulatorException(String message) {
    super(message);
  }

  public EmulatorException(String message, Throwable cause) {
    super(message, cause);
  }
}
