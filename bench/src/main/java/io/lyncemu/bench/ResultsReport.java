package io.lyncemu.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Renders the rows as a console table and as the Markdown file kept in {@code bench/results}. */
final class ResultsReport {
  private static final String[] HEADINGS = {
    "Measurement", "Median", "p99", "Rate", "Goal", "Verdict", "Notes"
  };

  private ResultsReport() {}

  private static String[] cells(Row row) {
    return new String[] {
      row.measurement(), row.median(), row.p99(), row.rate(), row.goal(), row.verdict(), row.notes()
    };
  }

  static String console(List<Row> rows) {
    List<String[]> lines = new ArrayList<>();
    lines.add(HEADINGS);
    rows.forEach(row -> lines.add(cells(row)));
    int[] widths = new int[HEADINGS.length];
    for (String[] line : lines) {
      for (int i = 0; i < line.length; i++) {
        widths[i] = Math.max(widths[i], line[i].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (int l = 0; l < lines.size(); l++) {
      String[] line = lines.get(l);
      for (int i = 0; i < line.length; i++) {
        out.append(i == 0 ? "" : " | ").append(pad(line[i], widths[i]));
      }
      out.append('\n');
      if (l == 0) {
        for (int i = 0; i < widths.length; i++) {
          out.append(i == 0 ? "" : "-+-").append("-".repeat(widths[i]));
        }
        out.append('\n');
      }
    }
    return out.toString();
  }

  static String markdown(Environment environment, List<Row> rows, List<String> remarks) {
    StringBuilder out = new StringBuilder();
    out.append("# Lync Emulator benchmarks: latest run\n\n");
    out.append("- Date: ").append(environment.date()).append('\n');
    out.append("- nproc: ").append(environment.nproc()).append('\n');
    out.append("- JVM: ").append(environment.jvm()).append('\n');
    out.append("- Commit: ").append(environment.commit()).append('\n');
    out.append("- Load average (1/5/15 min) before / after: ")
        .append(environment.loadBefore())
        .append(" / ")
        .append(environment.loadAfter())
        .append('\n');
    out.append("- Command: `").append(environment.command()).append("`\n\n");
    out.append('|');
    for (String heading : HEADINGS) {
      out.append(' ').append(heading).append(" |");
    }
    out.append("\n|");
    for (int i = 0; i < HEADINGS.length; i++) {
      // Numbers (median, p99, rate) right-aligned, words left.
      out.append(i >= 1 && i <= 3 ? "---:|" : "---|");
    }
    out.append('\n');
    for (Row row : rows) {
      out.append('|');
      for (String cell : cells(row)) {
        out.append(' ').append(cell.replace("|", "\\|")).append(" |");
      }
      out.append('\n');
    }
    if (!remarks.isEmpty()) {
      out.append("\n## Remarks\n\n");
      remarks.forEach(remark -> out.append("- ").append(remark).append('\n'));
    }
    return out.toString();
  }

  static void write(Path file, String markdown) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, markdown, StandardCharsets.UTF_8);
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(width - text.length());
  }

  /** Where and on what the numbers were taken; a result without this is not comparable. */
  record Environment(
      String date,
      String nproc,
      String jvm,
      String commit,
      String loadBefore,
      String loadAfter,
      String command) {}
}
