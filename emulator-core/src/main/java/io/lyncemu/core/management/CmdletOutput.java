package io.lyncemu.core.management;

import java.util.List;

/**
 * What a cmdlet returned: objects to print, and whether it succeeded (synthetic transactions return
 * an object and fail when their Result is Failure).
 */
public record CmdletOutput(List<PsObject> objects, boolean succeeded) {
  public CmdletOutput {
    objects = List.copyOf(objects);
  }

  public static CmdletOutput of(PsObject... objects) {
    return new CmdletOutput(List.of(objects), true);
  }

  public static CmdletOutput of(List<PsObject> objects) {
    return new CmdletOutput(objects, true);
  }

  /** Set- cmdlets print nothing on success, as in PowerShell. */
  public static CmdletOutput none() {
    return new CmdletOutput(List.of(), true);
  }
}
