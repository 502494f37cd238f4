package io.lyncemu.edge.sip.routing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One {@code ms-diagnostics} header value as Lync writes it: {@code
 * 1029;reason="...";domain="push.lync.com";fqdn1="sipfed.online.lync.com:5061"}. Field order is
 * kept; quotes and backslashes inside values are escaped.
 */
public record MsDiagnostic(int code, String reason, Map<String, String> fields) {
  public MsDiagnostic {
    Objects.requireNonNull(reason, "reason");
    fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  public static MsDiagnostic of(int code, String reason) {
    return new MsDiagnostic(code, reason, Map.of());
  }

  /** A copy with one more field at the end (a blank value is left out). */
  public MsDiagnostic with(String name, String value) {
    if (value == null || value.isBlank()) {
      return this;
    }
    Map<String, String> all = new LinkedHashMap<>(fields);
    all.put(name, value);
    return new MsDiagnostic(code, reason, all);
  }

  public String headerValue() {
    StringBuilder out = new StringBuilder().append(code).append(";reason=").append(quote(reason));
    fields.forEach((k, v) -> out.append(';').append(k).append('=').append(quote(v)));
    return out.toString();
  }

  private static String quote(String value) {
    return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  @Override
  public String toString() {
    return headerValue();
  }
}
