package io.lyncemu.app.cli;

import io.lyncemu.app.LyncEmulator;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/**
 * The {@code lyncemu} command line. A first argument shaped like a cmdlet ({@code Verb-Noun}) is
 * sent to a running emulator; everything else is parsed by picocli ({@code run}, {@code scenarios},
 * {@code --help}, {@code --version}). Returns exit codes instead of exiting, so that tests run it
 * in-process.
 */
public final class Cli {
  private final CliEnvironment environment;

  public Cli(CliEnvironment environment) {
    this.environment = Objects.requireNonNull(environment, "environment");
  }

  /** Runs one command line; 0 success, 1 failure, 2 usage error. */
  public int execute(String... arguments) {
    try {
      if (arguments.length > 0 && CmdletInvocation.isCmdletName(arguments[0])) {
        return new CmdletInvocation(environment).run(Arrays.asList(arguments));
      }
      return commandLine().execute(arguments);
    } finally {
      environment.out().flush();
      environment.err().flush();
    }
  }

  /** The picocli tree, exposed so tests can inspect usage text. */
  public CommandLine commandLine() {
    CommandLine root = new CommandLine(new Root(environment));
    root.addSubcommand("run", new RunCommand(environment));
    root.addSubcommand("scenarios", new ScenariosCommand(environment));
    root.addSubcommand("netstat", new NetstatCommand(environment));
    root.setOut(environment.out());
    root.setErr(environment.err());
    root.setExecutionExceptionHandler(
        (exception, commandLine, parseResult) -> {
          commandLine.getErr().println("lyncemu: " + exception.getMessage());
          return 1;
        });
    return root;
  }

  @Command(
      name = "lyncemu",
      mixinStandardHelpOptions = true,
      versionProvider = Root.Version.class,
      description = "Lync Emulator: an offline emulated Microsoft Lync Server 2013 deployment.",
      footer = {
        "",
        "Cmdlets:",
        "  lyncemu <Verb>-<Noun> [-Param value ...] [--admin URL] [-OutputFormat Json]",
        "      Runs one cmdlet against the running emulator, e.g.",
        "      lyncemu Get-CsUser -Identity sip:kenmyer@litwareinc.com",
        "      The admin URL defaults to $LYNCEMU_ADMIN, then http://127.0.0.1:8090.",
        "      A credential 'DOMAIN\\user' without ':password' is asked for on the console.",
        "      Exit status: 0 success, 1 failure, 2 usage error.",
        "",
        "  lyncemu netstat [-ano] [--port N]",
        "      The emulated sockets as Windows netstat -ano prints them (pipe into grep)."
      })
  static final class Root implements Callable<Integer> {
    private final CliEnvironment environment;

    Root(CliEnvironment environment) {
      this.environment = environment;
    }

    @Override
    public Integer call() {
      environment
          .err()
          .println(
              "lyncemu: say what to do: run, scenarios, netstat, or a cmdlet such as Get-CsUser");
      new CommandLine(this).usage(environment.err());
      return 2;
    }

    /** Prints the product version from the build. */
    static final class Version implements IVersionProvider {
      @Override
      public String[] getVersion() {
        return new String[] {"lyncemu " + LyncEmulator.version()};
      }
    }
  }
}
