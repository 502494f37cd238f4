package io.lyncemu.core.journal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * Writes journal events as JSON lines (one event per line, every kind) and HTTP exchanges as a HAR
 * 1.2 log that browser tools and HAR viewers open. Stateless and thread-safe.
 */
public final class JournalExporter {
  private static final String HAR_VERSION = "1.2";
  private final ObjectMapper mapper =
      new ObjectMapper()
          .disable(SerializationFeature.INDENT_OUTPUT)
          .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
  private final String creatorVersion;

  public JournalExporter(String creatorVersion) {
    this.creatorVersion = creatorVersion;
  }

  public void writeJsonLines(List<JournalEvent> events, Writer out) {
    try {
      for (JournalEvent event : events) {
        out.write(mapper.writeValueAsString(toJson(event)));
        out.write('\n');
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the journal as JSON lines", e);
    }
  }

  public ObjectNode toJson(JournalEvent event) {
    ObjectNode node = mapper.createObjectNode();
    node.put("sequence", event.sequence());
    node.put("time", DateTimeFormatter.ISO_INSTANT.format(event.time()));
    node.put("component", event.component());
    node.put("kind", event.kind().name());
    if (!event.connectionId().isEmpty()) {
      node.put("connection", event.connectionId());
    }
    if (!event.peer().isEmpty()) {
      node.put("peer", event.peer());
    }
    ObjectNode attributes = node.putObject("attributes");
    event.attributes().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> attributes.put(e.getKey(), e.getValue()));
    event
        .http()
        .ifPresent(
            http -> {
              ObjectNode h = node.putObject("http");
              h.put("method", http.method());
              h.put("url", http.url());
              h.put("status", http.status());
              h.put("elapsedMillis", http.elapsed().toMillis());
            });
    return node;
  }

  /** A HAR 1.2 document holding every {@link EventKind#HTTP_EXCHANGE} event in {@code events}. */
  public void writeHar(List<JournalEvent> events, Writer out) {
    ObjectNode root = mapper.createObjectNode();
    ObjectNode log = root.putObject("log");
    log.put("version", HAR_VERSION);
    ObjectNode creator = log.putObject("creator");
    creator.put("name", "Lync Emulator");
    creator.put("version", creatorVersion);
    ArrayNode entries = log.putArray("entries");
    for (JournalEvent event : events) {
      event.http().ifPresent(http -> entries.add(harEntry(event, http)));
    }
    try {
      mapper.writerWithDefaultPrettyPrinter().writeValue(out, root);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the HAR log", e);
    }
  }

  private ObjectNode harEntry(JournalEvent event, HttpExchange http) {
    ObjectNode entry = mapper.createObjectNode();
    entry.put("startedDateTime", DateTimeFormatter.ISO_INSTANT.format(event.time()));
    entry.put("time", http.elapsed().toNanos() / 1_000_000.0);
    if (!event.connectionId().isEmpty()) {
      entry.put("connection", event.connectionId());
    }
    ObjectNode request = entry.putObject("request");
    request.put("method", http.method());
    request.put("url", http.url());
    request.put("httpVersion", http.httpVersion());
    request.putArray("cookies");
    headers(request.putArray("headers"), http.requestHeaders());
    ArrayNode query = request.putArray("queryString");
    String rawQuery = URI.create(safeUri(http.url())).getRawQuery();
    if (rawQuery != null) {
      for (String pair : rawQuery.split("&")) {
        int eq = pair.indexOf('=');
        ObjectNode q = query.addObject();
        q.put("name", eq < 0 ? pair : pair.substring(0, eq));
        q.put("value", eq < 0 ? "" : pair.substring(eq + 1));
      }
    }
    if (!http.requestBody().isEmpty()) {
      ObjectNode post = request.putObject("postData");
      post.put("mimeType", header(http.requestHeaders(), "Content-Type"));
      post.put("text", http.requestBody());
    }
    request.put("headersSize", -1);
    request.put("bodySize", http.requestBody().length());
    ObjectNode response = entry.putObject("response");
    response.put("status", http.status());
    response.put("statusText", http.statusText());
    response.put("httpVersion", http.httpVersion());
    response.putArray("cookies");
    headers(response.putArray("headers"), http.responseHeaders());
    ObjectNode content = response.putObject("content");
    content.put("size", http.responseSize());
    content.put("mimeType", http.responseContentType());
    content.put("text", http.responseBody());
    response.put("redirectURL", header(http.responseHeaders(), "Location"));
    response.put("headersSize", -1);
    response.put("bodySize", http.responseSize());
    entry.putObject("cache");
    ObjectNode timings = entry.putObject("timings");
    timings.put("send", 0);
    timings.put("wait", http.elapsed().toNanos() / 1_000_000.0);
    timings.put("receive", 0);
    return entry;
  }

  private static String safeUri(String url) {
    try {
      URI.create(url);
      return url;
    } catch (IllegalArgumentException e) {
      return "http://invalid/";
    }
  }

  private static void headers(ArrayNode array, List<Map.Entry<String, String>> headers) {
    for (Map.Entry<String, String> header : headers) {
      ObjectNode h = array.addObject();
      h.put("name", header.getKey());
      h.put("value", header.getValue());
    }
  }

  private static String header(List<Map.Entry<String, String>> headers, String name) {
    return headers.stream()
        .filter(h -> h.getKey().equalsIgnoreCase(name))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse("");
  }
}
