package io.lyncemu.app.admin;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One admin API request, already decoded by the HTTP adapter.
 *
 * @param method the HTTP method, upper case
 * @param path the decoded path without query, e.g. {@code /scenarios/x/apply}
 * @param query decoded query parameters; a name may repeat
 * @param body the request body, at most {@link AdminApi#MAX_BODY_BYTES}
 */
public record AdminRequest(
    String method, String path, Map<String, List<String>> query, byte[] body) {
  public AdminRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    query = Map.copyOf(query);
    body = body.clone();
  }

  public static AdminRequest of(String method, String path) {
    return new AdminRequest(method, path, Map.of(), new byte[0]);
  }

  public Optional<String> parameter(String name) {
    List<String> values = query.getOrDefault(name, List.of());
    return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  public List<String> parameters(String name) {
    return query.getOrDefault(name, List.of());
  }

  @Override
  public byte[] body() {
    return body.clone();
  }
}
