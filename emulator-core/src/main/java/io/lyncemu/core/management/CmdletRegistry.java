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
   * Secret parameters the emulator's cmdlets have. Cmdlets bind abbreviated names ({@code
   * -DialbackPass}), and the journal records the arguments before binding, so any name that could
   * be shortened from one of these is masked too; masking a harmless {@code -P} is the price.
   */
  private static final List<String> SECRET_PARAMETERS =
      List.of("password", "newpassword", "dialbackpassphrase");

  /**
   * The arguments as journaled: passwords and passphrases (the XMPP dialback secret) never reach
   * the journal, its exports or the admin API. A credential keeps its user part ({@code
   * litwareinc\\kenmyer:********}).
   */
  static Map<String, String> redacted(Map<String, String> arguments) {
    Map<String, String> safe = new java.util.LinkedHashMap<>();
    arguments.forEach(
        (name, value) -> {
          String lower = name.toLowerCase(Locale.ROOT);
          if (isSecret(lower)) {
            safe.put(name, "********");
          } else if (lower.endsWith("credential") && value.contains(":")) {
            safe.put(name, value.substring(0, value.indexOf(':')) + ":********");
          } else {
            safe.put(name, value);
          }
        });
    return safe;
  }

  private static boolean isSecret(String lowerName) {
    return lowerName.endsWith("password")
        || lowerName.endsWith("passphrase")
        || SECRET_PARAMETERS.stream().anyMatch(secret -> secret.startsWith(lowerName));
  }

  /**
   * Runs one command line, which may be a pipeline: each object the previous stage returned is
   * bound as the {@code -Identity} of one invocation of the next stage (its SipAddress when it has
   * one, else its Identity), which is how {@code Get-CsUser | Grant-CsExternalAccessPolicy
   * -PolicyName FedPic} reaches every user. Every invocation is journaled on its own.
   *
   * @throws CmdletException when a cmdlet is unknown or fails; earlier invocations stay done, as in
   *     PowerShell
   */
  public CmdletOutput run(String commandLine) {
    List<CommandLine> stages = CommandLine.parsePipeline(commandLine);
    for (CommandLine stage : stages) {
      cmdlet(stage.cmdlet());
    }
    CommandLine first = stages.get(0);
    CmdletOutput output = invoke(first.cmdlet(), first.arguments());
    for (CommandLine stage : stages.subList(1, stages.size())) {
      List<PsObject> objects = new ArrayList<>();
      boolean succeeded = output.succeeded();
      for (PsObject input : output.objects()) {
        CmdletOutput each =
            invoke(stage.cmdlet(), stage.arguments().withPipelineIdentity(pipelineIdentity(input)));
        objects.addAll(each.objects());
        succeeded &= each.succeeded();
      }
      output = new CmdletOutput(objects, succeeded);
    }
    return output;
  }

  private static String pipelineIdentity(PsObject input) {
    Object value = input.get("SipAddress");
    if (value == null) {
      value = input.get("Identity");
    }
    if (value == null) {
      throw CmdletException.invalidArgument(
          "The input object cannot be bound to any parameters for the command either because the"
              + " command does not take pipeline input or the input and its properties do not"
              + " match any of the parameters that take pipeline input.");
    }
    return value.toString();
  }

  private Cmdlet cmdlet(String name) {
    return find(name)
        .orElseThrow(
            () ->
                new CmdletException(
                    "ObjectNotFound",
                    "The term '"
                        + name
                        + "' is not recognized as the name of a cmdlet, function, script file, or"
                        + " operable program."));
  }

  /**
   * Runs a cmdlet and records the invocation.
   *
   * @throws CmdletException when the cmdlet is unknown or fails
   */
  public CmdletOutput invoke(String name, CmdletArguments arguments) {
    Cmdlet cmdlet = cmdlet(name);
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
