package io.lyncemu.core.management;

import io.lyncemu.core.journal.EventJournal;
import io.lyncemu.core.journal.EventKind;
import io.lyncemu.core.journal.NewEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * All cmdlets of one emulator, by name. Modules register theirs at assembly time; the CLI, admin
 * API and scenarios invoke them by name. Thread-safe.
 */
public final class CmdletRegistry {
  private final Map<String, Cmdlet> cmdlets = new ConcurrentHashMap<>();
  private final EventJournal journal;

  public CmdletRegistry(EventJournal journal) {
    this.journal = Objects.requireNonNull(journal, "journal");
  }

  public CmdletRegistry register(Cmdlet cmdlet) {
    Cmdlet previous = cmdlets.putIfAbsent(cmdlet.name().toLowerCase(Locale.ROOT), cmdlet);
    if (previous != null) {
      throw new IllegalStateException("cmdlet " + cmdlet.name() + " is registered twice");
    }
    return this;
  }

  public CmdletRegistry registerAll(Collection<? extends Cmdlet> all) {
    all.forEach(this::register);
    return this;
  }

  public Optional<Cmdlet> find(String name) {
    return Optional.ofNullable(cmdlets.get(name.toLowerCase(Locale.ROOT)));
  }

  /** Every cmdlet, sorted by name. */
  public List<Cmdlet> list() {
    List<Cmdlet> all = new ArrayList<>(cmdlets.values());
    all.sort((a, b) -> a.name().compareToIgnoreCase(b.name()));
    return all;
  }

  /**
   * The arguments as journaled: passwords never reach the journal, its exports or the admin API. A
   * credential keeps its user part ({@code litwareinc\\kenmyer:********}).
   */
  static Map<String, String> redacted(Map<String, String> arguments) {
    Map<String, String> safe = new java.util.LinkedHashMap<>();
    arguments.forEach(
        (name, value) -> {
          String lower = name.toLowerCase(Locale.ROOT);
          if (lower.endsWith("password")) {
            safe.put(name, "********");
          } else if (lower.endsWith("credential") && value.contains(":")) {
            safe.put(name, value.substring(0, value.indexOf(':')) + ":********");
          } else {
            safe.put(name, value);
          }
        });
    return safe;
  }

  /**
   * Runs a cmdlet and records the invocation.
   *
   * @throws CmdletException when the cmdlet is unknown or fails
   */
  public CmdletOutput invoke(String name, CmdletArguments arguments) {
    Cmdlet cmdlet =
        find(name)
            .orElseThrow(
                () ->
                    new CmdletException(
                        "ObjectNotFound",
                        "The term '"
                            + name
                            + "' is not recognized as the name of a cmdlet, function, script file, or"
                            + " operable program."));
    NewEvent event =
        NewEvent.of("management", EventKind.CMDLET_INVOKED)
            .with("cmdlet", cmdlet.name())
            .with("arguments", redacted(arguments.asMap()).toString());
    try {
      CmdletOutput output = cmdlet.invoke(arguments);
      journal.record(event.with("outcome", output.succeeded() ? "Success" : "Failure"));
      return output;
    } catch (CmdletException e) {
      journal.record(event.with("outcome", "Error").with("error", e.getMessage()));
      throw e;
    }
  }
}
