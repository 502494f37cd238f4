package io.lyncemu.core.management;

import io.lyncemu.core.EmulatorException;

/**
 * A cmdlet failed the way PowerShell reports it: {@code <Cmdlet> : <message>} plus a category such
 * as {@code ObjectNotFound} or {@code InvalidArgument}.
 */
public final class CmdletException extends EmulatorException {
  private static final long serialVersionUID = 1L;
  private final String category;

  public CmdletException(String category, String message) {
    super(message);
    this.category = category;
  }

  public static CmdletException notFound(String identity) {
    return new CmdletException(
        "ObjectNotFound", "Management object not found for identity \"" + identity + "\".");
  }

  public static CmdletException invalidArgument(String message) {
    return new CmdletException("InvalidArgument", message);
  }

  public String category() {
    return category;
  }
}
