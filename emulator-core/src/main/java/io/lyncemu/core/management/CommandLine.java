package io.lyncemu.core.management;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one PowerShell-style command line ({@code Set-CsUser -Identity "Ken Myer" -Enabled
 * $False}) into the cmdlet name and its argument tokens, honouring single and double quotes. An
 * unquoted {@code |} separates the stages of a pipeline ({@link #parsePipeline}); {@link
 * CmdletRegistry#run} runs those.
 */
public record CommandLine(String cmdlet, List<String> tokens) {
  /** Stands for an unquoted {@code |} among the tokens while the line is split. */
  private static final String PIPE = "\u0000|";

  public CommandLine {
    tokens = List.copyOf(tokens);
  }

  /** One cmdlet; a pipeline is refused here because only {@link CmdletRegistry#run} runs one. */
  public static CommandLine parse(String line) {
    List<CommandLine> stages = parsePipeline(line);
    if (stages.size() > 1) {
      throw CmdletException.invalidArgument(
          "A pipeline ('|') cannot be run here; give one cmdlet per command line.");
    }
    return stages.get(0);
  }

  /** The stages of {@code Get-CsUser | Grant-CsExternalAccessPolicy -PolicyName FedPic}. */
  public static List<CommandLine> parsePipeline(String line) {
    List<String> tokens = tokenize(line);
    if (tokens.isEmpty()) {
      throw CmdletException.invalidArgument("An empty command line names no cmdlet.");
    }
    List<CommandLine> stages = new ArrayList<>();
    List<String> stage = new ArrayList<>();
    for (String token : tokens) {
      if (token.equals(PIPE)) {
        stages.add(stage(stage));
        stage = new ArrayList<>();
      } else {
        stage.add(token);
      }
    }
    stages.add(stage(stage));
    return stages;
  }

  private static CommandLine stage(List<String> tokens) {
    if (tokens.isEmpty()) {
      throw CmdletException.invalidArgument("An empty pipe element is not allowed.");
    }
    return new CommandLine(tokens.get(0), tokens.subList(1, tokens.size()));
  }

  private static List<String> tokenize(String line) {
    List<String> tokens = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    char quote = 0;
    boolean inToken = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          current.append(c);
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
        inToken = true;
      } else if (Character.isWhitespace(c) || c == '|') {
        if (inToken) {
          tokens.add(current.toString());
          current.setLength(0);
          inToken = false;
        }
        if (c == '|') {
          tokens.add(PIPE);
        }
      } else {
        current.append(c);
        inToken = true;
      }
    }
    if (quote != 0) {
      throw CmdletException.invalidArgument("The string is missing the terminator: " + quote + ".");
    }
    if (inToken) {
      tokens.add(current.toString());
    }
    return tokens;
  }

  public CmdletArguments arguments() {
    return CmdletArguments.parse(tokens);
  }
}
