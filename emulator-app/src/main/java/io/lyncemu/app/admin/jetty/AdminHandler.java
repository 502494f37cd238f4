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

  AdminHandler(AdminApi api) {
    this.api = Objects.requireNonNull(api, "api");
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws IOException {
    AdminResponse answer;
    long declared = request.getLength();
    if (declared > AdminApi.MAX_BODY_BYTES) {
      answer = api.tooLarge();
    } else {
      byte[] body = readBody(request);
      answer =
          body == null
              ? api.tooLarge()
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
