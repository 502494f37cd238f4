package io.lyncemu.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lyncemu.core.cmdlets.NetstatCmdlets;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lyncemu netstat [-ano] [--port N]}: the running emulator's sockets in the exact layout of
 * Windows {@code netstat -ano}, so that {@code lyncemu netstat -ano | grep 5269} reads like {@code
 * netstat -ano | findstr 5269} on an Edge. The rows come from Get-CsEmulatorNetstat over the admin
 * API. {@code -a}, {@code -n} and {@code -o} are accepted for muscle memory: the emulator always
 * shows all sockets, numerically, with the owning PID.
 */
@Command(
    name = "netstat",
    description = "Show the emulated servers' sockets as Windows 'netstat -ano' prints them.",
    mixinStandardHelpOptions = true)
final class NetstatCommand implements Callable<Integer> {
  private final CliEnvironment environment;
  private final ObjectMapper json = new ObjectMapper();

  @Option(names = "-a", description = "All connections and listening ports (always on).")
  boolean all;

  @Option(names = "-n", description = "Numeric addresses and ports (always on).")
  boolean numeric;

  @Option(names = "-o", description = "The owning process id (always on).")
  boolean owner;

  @Option(
      names = {"--port", "-p"},
      paramLabel = "N",
      description = "Only rows whose local or foreign port is N.")
  Integer port;

  @Option(
      names = "--admin",
      paramLabel = "URL",
      description = "The emulator's admin API; default $LYNCEMU_ADMIN, then http://127.0.0.1:8090.")
  String admin;

  NetstatCommand(CliEnvironment environment) {
    this.environment = Objects.requireNonNull(environment, "environment");
  }

  @Override
  public Integer call() {
    String base =
        admin != null
            ? admin
            : environment
                .variable(CmdletInvocation.ADMIN_VARIABLE)
                .orElse(CmdletInvocation.DEFAULT_ADMIN);
    ObjectNode request = json.createObjectNode();
    request.put("cmdlet", "Get-CsEmulatorNetstat");
    if (port != null) {
      request.putArray("arguments").add("-Port").add(Integer.toString(port));
    }
    AdminClient.Answer answer;
    try {
      answer = new AdminClient(base).postJson("/cmdlets/invoke", request.toString());
    } catch (AdminClient.UnreachableException e) {
      environment.err().println("lyncemu: " + e.getMessage());
      return 2;
    }
    JsonNode body;
    try {
      body = json.readTree(answer.body());
    } catch (IOException e) {
      environment.err().println("lyncemu: the admin API answered: " + answer.body());
      return 1;
    }
    if (answer.status() != 200) {
      environment.err().println(body.path("error").asText(answer.body()));
      return 1;
    }
    // Windows prints an empty line, "Active Connections", an empty line, then the table.
    environment.out().println();
    environment.out().println("Active Connections");
    environment.out().println();
    environment.out().println(NetstatCmdlets.HEADER);
    for (JsonNode row : body.path("objects")) {
      JsonNode p = row.path("properties");
      environment
          .out()
          .println(
              NetstatCmdlets.row(
                  p.path("Proto").asText("TCP"),
                  p.path("LocalAddress").asText(),
                  p.path("ForeignAddress").asText(),
                  p.path("State").asText(),
                  p.path("PID").asText()));
    }
    return 0;
  }
}
