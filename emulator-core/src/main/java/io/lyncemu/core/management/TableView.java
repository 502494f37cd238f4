package io.lyncemu.core.management;

import java.util.List;
import java.util.Objects;

/**
 * A Format-Table view of one object type, as a module's {@code format.ps1xml} defines it: the
 * columns in order, each with a fixed width; the last column takes what is left and is never cut.
 */
public record TableView(List<Column> columns) {
  public TableView {
    columns = List.copyOf(columns);
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("a table view needs at least one column");
    }
  }

  /** One column: the property it shows and its width in characters. */
  public record Column(String property, int width) {
    public Column {
      Objects.requireNonNull(property, "property");
      if (width < property.length()) {
        throw new IllegalArgumentException("column " + property + " narrower than its header");
      }
    }
  }
}
