package io.lyncemu.mcx.web;

import java.util.List;
import java.util.Optional;

/**
 * One HTTP request as a route sees it. Header names compare case-insensitively; {@link #path()} is
 * the decoded path exactly as sent (routes compare it case-insensitively, as IIS does). Not
 * thread-safe: one request is handled by one thread at a time.
 */
public interface WebRequest {

  String method();

  /**
   * The path as sent, without the query string, e.g. {@code /WebTicket/WebTicketService.svc/Auth}.
   */
  String path();

  /** The path lower-cased, for matching. */
  default String lowerPath() {
    return path().toLowerCase(java.util.Locale.ROOT);
  }

  /** The raw query string, or empty. */
  String query();

  /** The first value of a query parameter (names case-insensitive), decoded. */
  Optional<String> queryParameter(String name);

  Optional<String> header(String name);

  List<String> headers(String name);

  /** Every header in wire order, for the journal. */
  List<java.util.Map.Entry<String, String>> allHeaders();

  /** The host the client addressed (Host header or SNI), lower-cased, without the port. */
  String host();

  /** {@code https} or {@code http}. */
  String scheme();

  /** The port the client connected to. */
  int port();

  /**
   * {@code scheme://host[:port]} as the client addressed the server; links built from it are
   * followable.
   */
  default String baseUrl() {
    boolean defaultPort =
        (scheme().equals("https") && port() == 443) || (scheme().equals("http") && port() == 80);
    return scheme() + "://" + host() + (defaultPort ? "" : ":" + port());
  }

  /** The listener that accepted the connection, e.g. {@code web-https}. */
  String listener();

  /** Stable for the life of the TCP connection; NTLM state hangs off it. */
  String connectionId();

  /** The remote address as {@code ip:port}. */
  String remote();

  /**
   * True when the body is known to be larger than the server accepts: declared so in
   * Content-Length, or found so while the adapter read it ahead. IIS request filtering turns such a
   * request away before authentication and routing.
   */
  default boolean oversizedBody() {
    return false;
  }

  /** The request body, read at most once and cached. */
  byte[] body() throws BodyTooLargeException;

  /** State that lives as long as the TCP connection (NTLM is connection-bound). */
  ConnectionState connection();

  /**
   * Asks the fault plan about a named protocol step. Empty means carry on (a delay or clock advance
   * may have been applied on the way); a present response must be returned as it is.
   */
  Optional<WebResponse> step(String name);
}
