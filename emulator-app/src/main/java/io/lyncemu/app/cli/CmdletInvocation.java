package io.lyncemu.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code lyncemu <Verb>-<Noun> [-Param value …]}: sends one cmdlet to a running emulator's admin
 * API and prints what PowerShell would. The arguments arrive already split by the shell, so they
 * travel as a token list and nothing is re-quoted. Exit status: 0 success, 1 the cmdlet reported
 * failure or an error about the deployment, 2 a usage error (unknown cmdlet, bad parameter, no
 * emulator running).
 */
final class CmdletInvocation {
  static final Pattern CMDLET_NAME = Pattern.compile("^[A-Za-z]+-[A-Za-z][A-Za-z0-9]*$");
  static final String DEFAULT_ADMIN = "http://127.0.0.1:8090";
  static final String ADMIN_VARIABLE = "LYNCEMU_ADMIN";

  private static final Pattern CREDENTIAL_PARAMETER = Pattern.compile("(?i)^-[A-Za-z]*Credential$");
  private static final Pattern USER_WITHOUT_PASSWORD = Pattern.compile("^[^\\\\:]+\\\\[^:]+$");
  private static final int OK = 0;
  private static final int FAILED = 1;
  private static final int USAGE = 2;

  private final CliEnvironment environment;
  private final ObjectMapper json = new ObjectMapper();

  CmdletInvocation(CliEnvironment environment) {
    this.environment = Objects.requireNonNull(environment, "environment");
  }

  static boolean isCmdletName(String argument) {
    return CMDLET_NAME.matcher(argument).matches();
  }

  int run(List<String> arguments) {
    String cmdlet = arguments.get(0);
    List<String> tokens = new ArrayList<>();
    String admin = environment.variable(ADMIN_VARIABLE).orElse(DEFAULT_ADMIN);
    boolean asJson = false;
    for (int i = 1; i < arguments.size(); i++) {
      String token = arguments.get(i);
      if (token.equals("--admin") || token.startsWith("--admin=")) {
        Optional<String> value = valueOf(arguments, i, "--admin");
        if (value.isEmpty()) {
          return usage("--admin needs a URL, e.g. --admin http://127.0.0.1:8090");
        }
        admin = value.get();
        i += token.contains("=") ? 0 : 1;
      } else if (token.toLowerCase(Locale.ROOT).startsWith("-outputformat")
          && (token.length() == "-OutputFormat".length() || token.charAt(13) == ':')) {
        Optional<String> value = valueOf(arguments, i, "-OutputFormat");
        if (value.isEmpty()) {
          return usage("-OutputFormat needs Json or Text");
        }
        String format = value.get().toLowerCase(Locale.ROOT);
        if (!format.equals("json") && !format.equals("text") && !format.equals("list")) {
          return usage("-OutputFormat is Json or Text, not '" + value.get() + "'");
        }
        asJson = format.equals("json");
        i += token.contains(":") ? 0 : 1;
      } else {
        tokens.add(token);
      }
    }
    Optional<String> problem = promptForPasswords(tokens);
    if (problem.isPresent()) {
      return usage(problem.get());
    }
    try {
      AdminClient client = new AdminClient(admin);
      ObjectNode request = json.createObjectNode();
      request.put("cmdlet", cmdlet);
      ArrayNode list = request.putArray("arguments");
      tokens.forEach(list::add);
      AdminClient.Answer answer = client.postJson("/cmdlets/invoke", request.toString());
      return print(answer, asJson);
    } catch (AdminClient.UnreachableException e) {
      return usage(e.getMessage());
    }
  }

  /** The value of {@code --name=value}, {@code -Name:value} or {@code --name value}. */
  private static Optional<String> valueOf(List<String> arguments, int index, String name) {
    String token = arguments.get(index);
    if (token.length() > name.length()) {
      return Optional.of(token.substring(name.length() + 1)).filter(v -> !v.isEmpty());
    }
    return index + 1 < arguments.size() ? Optional.of(arguments.get(index + 1)) : Optional.empty();
  }

  /**
   * Completes a credential given as a bare user name (domain, backslash, user; no {@code
   * :password}) with a password asked on the console, so passwords need not sit in shell history.
   */
  private Optional<String> promptForPasswords(List<String> tokens) {
    for (int i = 0; i < tokens.size(); i++) {
      String token = tokens.get(i);
      int colon = token.indexOf(':');
      String name = colon > 0 ? token.substring(0, colon) : token;
      if (!CREDENTIAL_PARAMETER.matcher(name).matches()) {
        continue;
      }
      boolean inline = colon > 0;
      if (!inline && i + 1 >= tokens.size()) {
        continue;
      }
      String user = inline ? token.substring(colon + 1) : tokens.get(i + 1);
      if (!USER_WITHOUT_PASSWORD.matcher(user).matches()) {
        continue;
      }
      Optional<char[]> password = environment.passwords().read("Password for " + user + ": ");
      if (password.isEmpty()) {
        return Optional.of(
            "no console to ask for the password of "
                + user
                + "; pass "
                + name
                + " '"
                + user
                + ":PASSWORD'");
      }
      String credential = user + ":" + new String(password.get());
      if (inline) {
        tokens.set(i, name + ":" + credential);
      } else {
        tokens.set(i + 1, credential);
      }
    }
    return Optional.empty();
  }

  private int print(AdminClient.Answer answer, boolean asJson) {
    JsonNode body;
    try {
      body = json.readTree(answer.body());
    } catch (JsonProcessingException e) {
      environment
          .err()
          .println(
              "lyncemu: the admin API answered " + answer.status() + " with: " + answer.body());
      return FAILED;
    }
    if (asJson) {
      try {
        environment.out().println(json.writerWithDefaultPrettyPrinter().writeValueAsString(body));
      } catch (JsonProcessingException e) {
        environment.out().println(answer.body());
      }
    }
    if (answer.status() == 200) {
      if (!asJson) {
        String text = body.path("text").asText("");
        if (!text.isEmpty()) {
          environment.out().println(text);
        }
      }
      return body.path("succeeded").asBoolean(false) ? OK : FAILED;
    }
    if (!asJson) {
      environment.err().println(body.path("error").asText(answer.body()));
    }
    if (answer.status() == 404) {
      return USAGE;
    }
    if (answer.status() == 400) {
      // Bad parameters are the caller's mistake; anything else is the deployment answering.
      String category = body.path("category").asText("");
      return category.equals("InvalidArgument") ? USAGE : FAILED;
    }
    return FAILED;
  }

  private int usage(String message) {
    environment.err().println("lyncemu: " + message);
    return USAGE;
  }
}
