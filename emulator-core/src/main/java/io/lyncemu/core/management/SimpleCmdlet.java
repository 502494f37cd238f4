package io.lyncemu.core.management;

import java.util.Objects;
import java.util.function.Function;

/** A cmdlet defined by a name, a synopsis and a function; most cmdlets need nothing more. */
public record SimpleCmdlet(
    String name, String synopsis, Function<CmdletArguments, CmdletOutput> body) implements Cmdlet {
  public SimpleCmdlet {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(synopsis, "synopsis");
    Objects.requireNonNull(body, "body");
  }

  @Override
  public CmdletOutput invoke(CmdletArguments arguments) {
    return body.apply(arguments);
  }
}
