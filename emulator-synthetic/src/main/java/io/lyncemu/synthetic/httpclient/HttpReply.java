package io.lyncemu.synthetic.httpclient;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP answer as it came off the wire: status, reason phrase, every header line in wire order
 * (repeated headers stay separate lines) and the whole body.
 */
public record HttpReply(
    int status, String reasonPhrase, List<Map.Entry<String, String>> headers, byte[] body) {
  public HttpReply {
    Objects.requireNonNull(reasonPhrase, "reasonPhrase");
    headers = List.copyOf(headers);
    body = body.clone();
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** Every value of a header, in wire order; names compare case-insensitively. */
  public List<String> all(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return headers.stream()
        .filter(h -> h.getKey().toLowerCase(Locale.ROOT).equals(lower))
        .map(Map.Entry::getValue)
        .toList();
  }

  public Optional<String> first(String name) {
    return all(name).stream().findFirst();
  }
}
