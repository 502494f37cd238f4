package io.lyncemu.synthetic;

import io.lyncemu.core.management.CmdletArguments;
import io.lyncemu.core.management.CmdletException;
import java.util.Optional;

/** Parameters the synthetic transaction cmdlets bind alike. */
final class SyntheticArguments {
  private SyntheticArguments() {}

  /** {@code -TargetFqdn}, or the first positional value; required and not blank. */
  static String targetFqdn(CmdletArguments arguments) {
    return arguments
        .get("TargetFqdn")
        .or(
            () ->
                arguments.positional().isEmpty()
                    ? Optional.empty()
                    : Optional.of(arguments.positional().get(0)))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .orElseThrow(
            () ->
                CmdletException.invalidArgument(
                    "Cannot bind argument to parameter 'TargetFqdn' because it is null or"
                        + " missing."));
  }
}
