package io.lyncemu.core.management;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Prints objects as PowerShell's Format-List does: one {@code Name : Value} line per property,
 * names padded to the longest, a blank line between objects, True/False for booleans and {@code {a,
 * b}} for lists. Stateless.
 */
public final class PowerShellFormatter {
  private PowerShellFormatter() {}

  public static String formatList(List<PsObject> objects) {
    StringBuilder out = new StringBuilder();
    for (PsObject object : objects) {
      out.append('\n').append(formatList(object)).append('\n');
    }
    return out.toString();
  }

  public static String formatList(PsObject object) {
    int width = object.properties().keySet().stream().mapToInt(String::length).max().orElse(0);
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, Object> property : object.properties().entrySet()) {
      String name = property.getKey();
      String value = render(property.getValue());
      out.append(name).append(" ".repeat(width - name.length())).append(" : ");
      String[] lines = value.split("\n", -1);
      out.append(lines[0]);
      for (int i = 1; i < lines.length; i++) {
        out.append('\n').append(" ".repeat(width + 3)).append(lines[i]);
      }
      out.append('\n');
    }
    return out.toString().stripTrailing().replaceAll(" +\n", "\n").replaceAll(" +$", "");
  }

  public static String render(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Boolean b) {
      return b ? "True" : "False";
    }
    if (value instanceof Collection<?> list) {
      return list.stream()
          .map(PowerShellFormatter::render)
          .collect(Collectors.joining(", ", "{", "}"));
    }
    return value.toString();
  }
}
