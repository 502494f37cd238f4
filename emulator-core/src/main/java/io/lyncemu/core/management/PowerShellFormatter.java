package io.lyncemu.core.management;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Prints objects as PowerShell's Format-List does: one {@code Name : Value} line per property,
 * names padded to the longest, a blank line between objects, True/False for booleans and {@code {a,
 * b}} for lists. Types with a table view in {@link DefaultViews} print as Format-Table instead when
 * {@link #format} picks the default view. Stateless.
 */
public final class PowerShellFormatter {
  private PowerShellFormatter() {}

  /**
   * Prints objects with their default view, as the console does after a cmdlet: a table when every
   * object is of a type with a table view, else a list.
   */
  public static String format(List<PsObject> objects) {
    if (!objects.isEmpty()) {
      String type = objects.get(0).typeName();
      Optional<TableView> table = DefaultViews.tableFor(type);
      if (table.isPresent() && objects.stream().allMatch(o -> o.typeName().equals(type))) {
        return formatTable(objects, table.get());
      }
    }
    return formatList(objects);
  }

  /**
   * Prints objects as Format-Table does: a blank line, headers, dashes under each header, one line
   * per object; a value wider than its column is cut and ends with {@code ...} (Windows PowerShell
   * 5.1), except in the last column.
   */
  public static String formatTable(List<PsObject> objects, TableView view) {
    StringBuilder out = new StringBuilder("\n");
    List<TableView.Column> columns = view.columns();
    List<String> headers = columns.stream().map(TableView.Column::property).toList();
    out.append(row(columns, headers)).append('\n');
    out.append(row(columns, headers.stream().map(h -> "-".repeat(h.length())).toList()))
        .append('\n');
    for (PsObject object : objects) {
      out.append(row(columns, columns.stream().map(c -> render(object.get(c.property()))).toList()))
          .append('\n');
    }
    return out.append('\n').toString();
  }

  private static String row(List<TableView.Column> columns, List<String> cells) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < columns.size(); i++) {
      String cell = cells.get(i);
      boolean last = i == columns.size() - 1;
      if (last) {
        line.append(cell);
      } else {
        int width = columns.get(i).width();
        String fitted =
            cell.length() > width ? cell.substring(0, Math.max(0, width - 3)) + "..." : cell;
        line.append(fitted).append(" ".repeat(width - fitted.length() + 1));
      }
    }
    return line.toString().stripTrailing();
  }

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
