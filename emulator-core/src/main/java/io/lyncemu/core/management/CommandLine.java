package io.lyncemu.core.management;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one PowerShell-style command line ({@code Set-CsUser -Identity "Ken Myer" -Enabled
 * $False}) into the cmdlet name and its argument tokens, honouring single and double quotes.
 */
public record CommandLine(String cmdlet, List<String> tokens) {
  public CommandLine {
    tokens = List.copyOf(tokens);
  }

  public static CommandLine parse(String line) {
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
      } else if (Character.isWhitespace(c)) {
        if (inToken) {
          tokens.add(current.toString());
          current.setLength(0);
          inToken = false;
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
    if (tokens.isEmpty()) {
      throw CmdletException.invalidArgument("An empty command line names no cmdlet.");
    }
    return new CommandLine(tokens.get(0), tokens.subList(1, tokens.size()));
  }

  public CmdletArguments arguments() {
    return CmdletArguments.parse(tokens);
  }
}
