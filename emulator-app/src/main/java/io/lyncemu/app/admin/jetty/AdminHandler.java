package io.lyncemu.app.admin.jetty;

import io.lyncemu.app.admin.AdminApi;
import io.lyncemu.app.admin.AdminRequest;
import io.lyncemu.app.admin.AdminResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * Translates Jetty requests to {@link AdminRequest}s and {@link AdminResponse}s back; decides
 * nothing except refusing bodies over {@link AdminApi#MAX_BODY_BYTES} while reading. Blocking (the
 * API may await journal events), so Jetty runs it on a pool thread. Stateless and thread-safe.
 */
final class AdminHandler extends Handler.Abstract {
  private final AdminApi api;

  /** Refused bodies up to this size are read to the end before the 413 goes out. */
  static final long DRAIN_LIMIT = 16L * 1024 * 1024;

  AdminHandler(AdminApi api) {
    this.api = Objects.requireNonNull(api, "api");
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws IOException {
    AdminResponse answer;
    long declared = request.getLength();
    if (declared > AdminApi.MAX_BODY_BYTES) {
      drain(request);
      answer = api.tooLarge();
    } else {
      byte[] body = readBody(request);
      answer =
          body == null
              ? drainThen(request, api.tooLarge())
              : api.handle(
                  new AdminRequest(
                      request.getMethod(),
                      request.getHttpURI().getDecodedPath(),
                      query(request),
                      body));
    }
    response.setStatus(answer.status());
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, answer.contentType());
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    byte[] bytes = answer.body();
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
    response.write(true, ByteBuffer.wrap(bytes), callback);
    return true;
  }

  /**
   * Reads and drops what is left of a refused body, up to {@link #DRAIN_LIMIT}, so that the client,
   * still sending, reads the 413 instead of a reset; past the limit the connection just closes.
   */
  private static void drain(Request request) throws IOException {
    try (InputStream in = Content.Source.asInputStream(request)) {
      long skipped = 0;
      byte[] sink = new byte[64 * 1024];
      for (int n = in.read(sink); n > 0 && skipped < DRAIN_LIMIT; n = in.read(sink)) {
        skipped += n;
      }
    }
  }

  private static AdminResponse drainThen(Request request, AdminResponse answer) throws IOException {
    drain(request);
    return answer;
  }

  /** The body, or null when it grows past the limit (chunked bodies declare no length). */
  private static byte[] readBody(Request request) throws IOException {
    try (InputStream in = Content.Source.asInputStream(request)) {
      byte[] body = in.readNBytes(AdminApi.MAX_BODY_BYTES + 1);
      return body.length > AdminApi.MAX_BODY_BYTES ? null : body;
    }
  }

  private static Map<String, List<String>> query(Request request) {
    Fields fields = Request.extractQueryParameters(request);
    Map<String, List<String>> query = new LinkedHashMap<>();
    for (Fields.Field field : fields) {
      query.put(field.getName(), new ArrayList<>(field.getValues()));
    }
    return query;
  }
}
