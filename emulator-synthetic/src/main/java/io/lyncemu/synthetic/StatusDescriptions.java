package io.lyncemu.synthetic;

import java.util.Map;

/**
 * The status descriptions .NET's {@code WebException} prints in "The remote server returned an
 * error: (code) description.". .NET uses its own fixed texts for the common codes (503 is "Server
 * Unavailable", not the reason phrase on the wire), and the server's reason phrase for the rest.
 */
final class StatusDescriptions {
  private static final Map<Integer, String> DOT_NET =
      Map.ofEntries(
          Map.entry(400, "Bad Request"),
          Map.entry(401, "Unauthorized"),
          Map.entry(403, "Forbidden"),
          Map.entry(404, "Not Found"),
          Map.entry(405, "Method Not Allowed"),
          Map.entry(407, "Proxy Authentication Required"),
          Map.entry(408, "Request Timeout"),
          Map.entry(409, "Conflict"),
          Map.entry(410, "Gone"),
          Map.entry(411, "Length Required"),
          Map.entry(413, "Request Entity Too Large"),
          Map.entry(415, "Unsupported Media Type"),
          Map.entry(500, "Internal Server Error"),
          Map.entry(501, "Not Implemented"),
          Map.entry(502, "Bad Gateway"),
          Map.entry(503, "Server Unavailable"),
          Map.entry(504, "Gateway Timeout"));

  private StatusDescriptions() {}

  /** {@code (code) description}, or {@code (code)} when nothing describes it. */
  static String of(int status, String reasonPhrase) {
    String description = DOT_NET.getOrDefault(status, reasonPhrase == null ? "" : reasonPhrase);
    return description.isBlank() ? "(" + status + ")" : "(" + status + ") " + description.trim();
  }
}
