package io.lyncemu.mcx.web;

import io.lyncemu.core.fault.Fault;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What to send back: status, headers in order (names may repeat, e.g. two {@code
 * WWW-Authenticate}), content type and body; or a transport fault for the adapter to act out
 * (reset, drop, stall). Immutable; built with {@link #status(int)} and the {@code with*} copies.
 */
public record WebResponse(
    int status,
    List<Map.Entry<String, String>> headers,
    String contentType,
    byte[] body,
    Optional<Fault> transportFault,
    Map<String, String> journalAttributes) {

  public WebResponse {
    headers = List.copyOf(headers);
    contentType = contentType == null ? "" : contentType;
    body = body == null ? new byte[0] : body;
    journalAttributes = Map.copyOf(journalAttributes);
  }

  public static WebResponse status(int status) {
    return new WebResponse(status, List.of(), "", new byte[0], Optional.empty(), Map.of());
  }

  /** A response the adapter turns into a connection reset, a silent close or a stall. */
  public static WebResponse transport(Fault fault) {
    return new WebResponse(0, List.of(), "", new byte[0], Optional.of(fault), Map.of());
  }

  public WebResponse withHeader(String name, String value) {
    List<Map.Entry<String, String>> copy = new ArrayList<>(headers);
    copy.add(new AbstractMap.SimpleImmutableEntry<>(name, value));
    return new WebResponse(status, copy, contentType, body, transportFault, journalAttributes);
  }

  public WebResponse withBody(String type, byte[] content) {
    return new WebResponse(status, headers, type, content, transportFault, journalAttributes);
  }

  public WebResponse withBody(String type, String content) {
    return withBody(type, content.getBytes(StandardCharsets.UTF_8));
  }

  /** Adds a fact to the HTTP_EXCHANGE journal event, e.g. the authenticated user. */
  public WebResponse withJournal(String attribute, String value) {
    Map<String, String> copy = new java.util.LinkedHashMap<>(journalAttributes);
    copy.put(attribute, value);
    return new WebResponse(status, headers, contentType, body, transportFault, copy);
  }

  public boolean hasHeader(String name) {
    return headers.stream().anyMatch(h -> h.getKey().equalsIgnoreCase(name));
  }

  public Optional<String> header(String name) {
    return headers.stream()
        .filter(h -> h.getKey().equalsIgnoreCase(name))
        .map(Map.Entry::getValue)
        .findFirst();
  }
}
