package io.lyncemu.core.tls;

import io.lyncemu.core.EmulatorException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * TLS material in the state directory could not be read, parsed, validated or written. The message
 * always names the file and the remedy (usually deleting it, or the whole state directory, so that
 * it is regenerated on the next start). Immutable, hence thread-safe.
 */
public final class TlsMaterialException extends EmulatorException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;

  /**
   * @param file the file (or directory) at fault
   * @param message a complete sentence naming {@code file} and the remedy
   * @param cause the underlying failure, or {@code null}
   */
  public TlsMaterialException(Path file, String message, Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
    this.file = Objects.requireNonNull(file, "file");
  }

  /** The file or directory at fault, so callers can report it without parsing the message. */
  public Path file() {
    return file;
  }
}
