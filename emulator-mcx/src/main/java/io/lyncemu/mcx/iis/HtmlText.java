package io.lyncemu.mcx.iis;

import java.util.Objects;

/** Escapes text for HTML element content and quoted attribute values. Stateless. */
public final class HtmlText {
  private HtmlText() {}

  /** Escapes {@code & < > " '}; control characters other than tab/newline are dropped. */
  public static String escape(String text) {
    Objects.requireNonNull(text, "text");
    StringBuilder sb = new StringBuilder(text.length() + 16);
    text.codePoints()
        .forEach(
            cp -> {
              switch (cp) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                  if (!Character.isISOControl(cp) || cp == '\t' || cp == '\n') {
                    sb.appendCodePoint(cp);
                  }
                }
              }
            });
    return sb.toString();
  }
}
