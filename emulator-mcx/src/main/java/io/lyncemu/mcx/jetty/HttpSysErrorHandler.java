package io.lyncemu.mcx.jetty;

import io.lyncemu.mcx.web.WebDispatcher;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers what Jetty rejects before any handler runs (a request line that does not parse, a path
 * that climbs above the root, oversized headers, an unknown HTTP version) the way Windows' HTTP
 * driver does in front of IIS: a short ASCII HTML page with {@code Server: Microsoft-HTTPAPI/2.0},
 * never Jetty's own error page or its {@code Cache-Control: must-revalidate,no-cache,no-store}, and
 * never a stack trace. The wording is the emulator's own. Stateless.
 */
final class HttpSysErrorHandler extends ErrorHandler {
  static final String SERVER = "Microsoft-HTTPAPI/2.0";
  static final String CONTENT_TYPE = "text/html; charset=us-ascii";

  HttpSysErrorHandler() {
    setShowStacks(false);
    setShowCauses(false);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = response.getStatus() <= 0 ? 500 : response.getStatus();
    HttpFields.Mutable headers = response.getHeaders();
    headers.remove(HttpHeader.CACHE_CONTROL);
    headers.remove(HttpHeader.SERVER);
    headers.put(HttpHeader.CONTENT_TYPE, CONTENT_TYPE);
    headers.put(HttpHeader.SERVER, SERVER);
    byte[] body = page(status);
    headers.put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
    return true;
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.remove(HttpHeader.CACHE_CONTROL);
    fields.put(HttpHeader.CONTENT_TYPE, CONTENT_TYPE);
    fields.put(HttpHeader.SERVER, SERVER);
    return ByteBuffer.wrap(page(status));
  }

  /** The page body; the reason phrase and a sentence of explanation, nothing from the request. */
  static byte[] page(int status) {
    String reason = reason(status);
    String html =
        "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\" "
            + "\"http://www.w3.org/TR/html4/strict.dtd\">\r\n"
            + "<HTML><HEAD><TITLE>"
            + reason
            + "</TITLE>\r\n"
            + "<META HTTP-EQUIV=\"Content-Type\" Content=\""
            + CONTENT_TYPE
            + "\"></HEAD>\r\n"
            + "<BODY><h2>"
            + reason
            + "</h2>\r\n"
            + "<hr><p>HTTP Error "
            + status
            + ". "
            + explanation(status)
            + "</p>\r\n"
            + "</BODY></HTML>\r\n";
    return html.getBytes(StandardCharsets.US_ASCII);
  }

  private static String reason(int status) {
    String known = WebDispatcher.reason(status);
    if (!known.isEmpty()) {
      return known;
    }
    return switch (status) {
      case 414 -> "Request URL Too Long";
      case 431 -> "Request Header Too Long";
      case 501 -> "Not Implemented";
      case 505 -> "HTTP Version Not Supported";
      default -> "Error";
    };
  }

  private static String explanation(int status) {
    return switch (status) {
      case 400 -> "The request could not be read: its request line, URL or headers are not valid.";
      case 408 -> "The client took too long to send the request.";
      case 413 -> "The request body is larger than the server accepts.";
      case 414, 431 -> "The request line or its headers are longer than the server accepts.";
      case 505 -> "The server does not speak the HTTP version in the request line.";
      default -> "The server could not process the request.";
    };
  }
}
