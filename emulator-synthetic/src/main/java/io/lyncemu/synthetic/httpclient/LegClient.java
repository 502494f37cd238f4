package io.lyncemu.synthetic.httpclient;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.BasicHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.DefaultHostnameVerifier;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.ssl.SSLBufferMode;
import org.apache.hc.core5.util.Timeout;

/**
 * An HTTPS client for one user's leg of a synthetic transaction. It holds exactly one connection
 * ({@link BasicHttpClientConnectionManager}) because NTLM authenticates the TCP connection, not the
 * request: the CHALLENGE and the AUTHENTICATE must travel on the same socket, and the later
 * requests ride the authenticated connection as a Windows client's would. It never authenticates,
 * retries or follows redirects by itself, so the caller sends every {@code Authorization} header
 * and sees every 401 exactly as the server sent it.
 *
 * <p>Not thread-safe: one exchange at a time. {@link #close()} may be called from another thread to
 * abort an exchange in progress (e.g. a long poll nobody waits for any more).
 */
public final class LegClient implements AutoCloseable {
  private final InetSocketAddress address;
  private final BasicHttpClientConnectionManager connections;
  private final CloseableHttpClient client;
  private final AtomicBoolean closed = new AtomicBoolean();

  private static final String[] TLS_PROTOCOLS = {"TLSv1.2"};

  /**
   * @param trust the TLS trust the client uses (the emulator's CA, or the JDK's defaults)
   * @param host the host name in the URLs this leg calls; it resolves to {@code address}
   * @param address where {@code host} really is (its port is informative: URLs carry their own)
   * @param connectTimeout how long a TCP connect and TLS handshake may take
   */
  public LegClient(
      SSLContext trust, String host, InetSocketAddress address, Duration connectTimeout) {
    Objects.requireNonNull(trust, "trust");
    Objects.requireNonNull(host, "host");
    this.address = Objects.requireNonNull(address, "address");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    this.connections =
        BasicHttpClientConnectionManager.create(
            DefaultSchemePortResolver.INSTANCE,
            new PinnedDnsResolver(host, address.getAddress()),
            RegistryBuilder.<TlsSocketStrategy>create()
                .register(
                    "https",
                    // TLS 1.2, as the Lync 2013-era .NET client speaks it; a repeated run resumes
                    // the session the shared SSLContext cached instead of a full handshake.
                    new DefaultClientTlsStrategy(
                        trust,
                        TLS_PROTOCOLS,
                        null,
                        SSLBufferMode.STATIC,
                        new DefaultHostnameVerifier()))
                .build(),
            ManagedHttpClientConnectionFactory.INSTANCE);
    connections.setConnectionConfig(
        ConnectionConfig.custom()
            .setConnectTimeout(Timeout.of(connectTimeout))
            .setSocketTimeout(Timeout.of(connectTimeout))
            .build());
    this.client =
        HttpClients.custom()
            .setConnectionManager(connections)
            .disableAutomaticRetries()
            .disableRedirectHandling()
            .disableAuthCaching()
            .disableCookieManagement()
            .disableContentCompression()
            .setDefaultRequestConfig(RequestConfig.custom().setAuthenticationEnabled(false).build())
            .build();
  }

  /**
   * POSTs {@code body} and returns whatever HTTP answer came back, 4xx and 5xx included.
   *
   * @param headers request headers in the order to send them (besides Host, Content-Type and
   *     Content-Length, which the client writes)
   * @param responseTimeout how long to wait for the answer once the request is sent
   * @throws HttpFailure when no HTTP answer arrived
   */
  public HttpReply post(
      URI uri,
      List<Map.Entry<String, String>> headers,
      String contentType,
      byte[] body,
      Duration responseTimeout)
      throws HttpFailure {
    if (closed.get()) {
      throw new HttpFailure(
          HttpFailure.Kind.CLOSED, address, new IOException("the leg's connection was closed"));
    }
    HttpPost post = new HttpPost(uri);
    headers.forEach(h -> post.addHeader(h.getKey(), h.getValue()));
    post.setEntity(new ByteArrayEntity(body, ContentType.parse(contentType)));
    post.setConfig(
        RequestConfig.custom()
            .setAuthenticationEnabled(false)
            .setResponseTimeout(Timeout.of(responseTimeout))
            .build());
    try {
      return client.execute(
          post,
          response -> {
            List<Map.Entry<String, String>> replyHeaders = new ArrayList<>();
            for (Header header : response.getHeaders()) {
              replyHeaders.add(Map.entry(header.getName(), header.getValue()));
            }
            HttpEntity entity = response.getEntity();
            byte[] content = entity == null ? new byte[0] : EntityUtils.toByteArray(entity);
            String reason = response.getReasonPhrase() == null ? "" : response.getReasonPhrase();
            return new HttpReply(response.getCode(), reason, replyHeaders, content);
          });
    } catch (IOException e) {
      throw classify(e);
    } catch (IllegalStateException e) {
      // close() on another thread shut the connection manager down under this exchange.
      throw new HttpFailure(HttpFailure.Kind.CLOSED, address, e);
    }
  }

  private HttpFailure classify(IOException e) {
    if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
      // ConnectTimeoutException is an InterruptedIOException too.
      return new HttpFailure(HttpFailure.Kind.TIMEOUT, address, e);
    }
    if (e instanceof ConnectException) {
      return new HttpFailure(HttpFailure.Kind.REFUSED, address, e);
    }
    if (e instanceof SSLException) {
      return new HttpFailure(HttpFailure.Kind.TLS, address, e);
    }
    if (e instanceof UnknownHostException) {
      return new HttpFailure(HttpFailure.Kind.UNRESOLVED, address, e);
    }
    return new HttpFailure(HttpFailure.Kind.CLOSED, address, e);
  }

  /** Closes the connection at once, aborting any exchange in progress on another thread. */
  @Override
  public void close() {
    closed.set(true);
    client.close(CloseMode.IMMEDIATE);
    connections.close(CloseMode.IMMEDIATE);
  }
}
