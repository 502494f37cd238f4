package io.lyncemu.edge.peers;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses SIPp 3.6's {@code -trace_msg} file. Each entry starts with a line of 47 dashes (plus a
 * timestamp), then a header such as {@code TCP message sent (303 bytes):} or {@code TCP message
 * received [294] bytes :}, a blank line and the message. Other entries ("Unexpected TCP message
 * received:", "Dead call ... received") repeat a message already logged and are skipped.
 */
final class SippTrace {
  private static final Pattern SEPARATOR = Pattern.compile("(?m)^-{47}.*$");
  private static final Pattern SENT = Pattern.compile("^\\w+ message sent \\(\\d+ bytes\\):");
  private static final Pattern RECEIVED =
      Pattern.compile("^\\w+ message received \\[\\d+\\] bytes :");

  private SippTrace() {}

  static List<SipMessage> parse(String trace) {
    List<SipMessage> messages = new ArrayList<>();
    for (String entry : SEPARATOR.split(trace.replace("\r\n", "\n"))) {
      String body = entry.strip();
      int headerEnd = body.indexOf('\n');
      if (headerEnd < 0) {
        continue;
      }
      String header = body.substring(0, headerEnd);
      String message = body.substring(headerEnd + 1).strip();
      Matcher sent = SENT.matcher(header);
      if (sent.find()) {
        messages.add(new SipMessage(SipMessage.Direction.SENT, message));
      } else if (RECEIVED.matcher(header).find()) {
        messages.add(new SipMessage(SipMessage.Direction.RECEIVED, message));
      }
    }
    return messages;
  }
}
