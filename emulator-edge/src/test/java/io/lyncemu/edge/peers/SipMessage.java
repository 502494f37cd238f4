package io.lyncemu.edge.peers;

import java.util.Locale;
import java.util.Optional;

/**
 * One SIP message SIPp sent or received, as its {@code -trace_msg} file shows it.
 *
 * @param direction whether SIPp sent or received it
 * @param text the message as on the wire (start line, headers, blank line, body), line ends
 *     normalised to LF
 */
public record SipMessage(Direction direction, String text) {
  /** Seen from SIPp. */
  public enum Direction {
    SENT,
    RECEIVED
  }

  public String startLine() {
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end);
  }

  public boolean isResponse() {
    return startLine().startsWith("SIP/2.0 ");
  }

  /** The status code of a response, 0 for a request. */
  public int statusCode() {
    if (!isResponse()) {
      return 0;
    }
    String[] parts = startLine().split(" ", 3);
    try {
      return Integer.parseInt(parts[1]);
    } catch (RuntimeException e) {
      return 0;
    }
  }

  /** The method of a request, or of the request a response answers (from CSeq). */
  public String method() {
    if (!isResponse()) {
      return startLine().split(" ", 2)[0];
    }
    return header("CSeq").map(cseq -> cseq.substring(cseq.indexOf(' ') + 1).strip()).orElse("");
  }

  /** The first value of a header (case-insensitive name; compact forms are not mapped). */
  public Optional<String> header(String name) {
    String prefix = name.toLowerCase(Locale.ROOT) + ":";
    for (String line : text.split("\n")) {
      if (line.isEmpty()) {
        break;
      }
      if (line.toLowerCase(Locale.ROOT).startsWith(prefix)) {
        return Optional.of(line.substring(prefix.length()).strip());
      }
    }
    return Optional.empty();
  }

  /** The body after the blank line; empty when there is none. */
  public String body() {
    int blank = text.indexOf("\n\n");
    return blank < 0 ? "" : text.substring(blank + 2);
  }
}
