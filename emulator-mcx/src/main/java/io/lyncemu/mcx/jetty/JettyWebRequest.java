package io.lyncemu.mcx.jetty;

import io.lyncemu.core.fault.FaultPoint;
import io.lyncemu.mcx.web.BodyTooLargeException;
import io.lyncemu.mcx.web.ConnectionState;
import io.lyncemu.mcx.web.StepFaults;
import io.lyncemu.mcx.web.WebRequest;
import io.lyncemu.mcx.web.WebResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.ConnectionMetaData;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;

/** A Jetty request seen through {@link WebRequest}. One per request; not thread-safe. */
final class JettyWebRequest implements WebRequest {
  private final Request request;
  private final String listener;
  private final int maxBodyBytes;
  private final StepFaults faults;
  private final AtomicReference<Duration> delay = new AtomicReference<>(Duration.ZERO);
  private byte[] body;
  private boolean bodyTooLarge;
  private Fields query;

  JettyWebRequest(Request request, String listener, int maxBodyBytes, StepFaults faults) {
    this.request = request;
    this.listener = listener;
    this.maxBodyBytes = maxBodyBytes;
    this.faults = faults;
  }

  AtomicReference<Duration> delay() {
    return delay;
  }

  /** The body as far as it was read, for the journal (empty if the route never read it). */
  byte[] bodyIfRead() {
    return body == null ? new byte[0] : body;
  }

  @Override
  public String method() {
    return request.getMethod();
  }

  @Override
  public String path() {
    String path = request.getHttpURI().getDecodedPath();
    return path == null || path.isEmpty() ? "/" : path;
  }

  @Override
  public String query() {
    String q = request.getHttpURI().getQuery();
    return q == null ? "" : q;
  }

  @Override
  public Optional<String> queryParameter(String name) {
    if (query == null) {
      try {
        query = Request.extractQueryParameters(request);
      } catch (RuntimeException malformed) {
        query = new Fields();
      }
    }
    for (Fields.Field field : query) {
      if (field.getName().equalsIgnoreCase(name)) {
        return Optional.ofNullable(field.getValue());
      }
    }
    return Optional.empty();
  }

  @Override
  public Optional<String> header(String name) {
    return Optional.ofNullable(request.getHeaders().get(name));
  }

  @Override
  public List<String> headers(String name) {
    return request.getHeaders().getValuesList(name);
  }

  @Override
  public List<Map.Entry<String, String>> allHeaders() {
    List<Map.Entry<String, String>> all = new ArrayList<>();
    for (HttpField field : request.getHeaders()) {
      all.add(new AbstractMap.SimpleImmutableEntry<>(field.getName(), field.getValue()));
    }
    return all;
  }

  @Override
  public String host() {
    return Request.getServerName(request).toLowerCase(Locale.ROOT);
  }

  @Override
  public String scheme() {
    return request.isSecure() ? "https" : "http";
  }

  @Override
  public int port() {
    return Request.getServerPort(request);
  }

  @Override
  public String listener() {
    return listener;
  }

  @Override
  public String connectionId() {
    return request.getConnectionMetaData().getId();
  }

  @Override
  public String remote() {
    return Request.getRemoteAddr(request) + ":" + Request.getRemotePort(request);
  }

  @Override
  public boolean oversizedBody() {
    return bodyTooLarge || request.getLength() > maxBodyBytes;
  }

  /**
   * Reads the whole body (at most the limit) without holding a thread while the client is slow:
   * each chunk is taken when Jetty has it, and the next read is a demand callback. A client that
   * stalls mid-body therefore costs a connection, not one of the request threads, until the idle
   * timeout closes it. Completes normally once the body is read or found too large; completes
   * exceptionally if the read fails (idle timeout, reset), in which case there is nobody to answer.
   */
  CompletableFuture<Void> prefetchBody() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    if (request.getLength() == 0) {
      body = new byte[0];
      done.complete(null);
      return done;
    }
    if (request.getLength() > maxBodyBytes) {
      done.complete(null); // answered 413 without reading a byte
      return done;
    }
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    Runnable pump =
        new Runnable() {
          @Override
          public void run() {
            while (true) {
              Content.Chunk chunk = request.read();
              if (chunk == null) {
                request.demand(this);
                return;
              }
              if (Content.Chunk.isFailure(chunk)) {
                done.completeExceptionally(chunk.getFailure());
                return;
              }
              ByteBuffer buffer = chunk.getByteBuffer();
              boolean last = chunk.isLast();
              if (sink.size() + buffer.remaining() > maxBodyBytes) {
                chunk.release();
                bodyTooLarge = true;
                done.complete(null);
                return;
              }
              byte[] bytes = new byte[buffer.remaining()];
              buffer.get(bytes);
              sink.write(bytes, 0, bytes.length);
              chunk.release();
              if (last) {
                body = sink.toByteArray();
                done.complete(null);
                return;
              }
            }
          }
        };
    try {
      pump.run();
    } catch (RuntimeException e) {
      done.completeExceptionally(e);
    }
    return done;
  }

  @Override
  public byte[] body() {
    if (body != null) {
      return body;
    }
    if (bodyTooLarge) {
      throw new BodyTooLargeException(maxBodyBytes);
    }
    long declared = request.getLength();
    if (declared > maxBodyBytes) {
      throw new BodyTooLargeException(maxBodyBytes);
    }
    try (InputStream in = Content.Source.asInputStream(request)) {
      byte[] read = in.readNBytes(maxBodyBytes + 1);
      if (read.length > maxBodyBytes) {
        throw new BodyTooLargeException(maxBodyBytes);
      }
      body = read;
      return body;
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the request body from " + remote(), e);
    }
  }

  @Override
  public ConnectionState connection() {
    ConnectionMetaData meta = request.getConnectionMetaData();
    return new ConnectionState() {
      @Override
      public <T> T get(String key, Class<T> type) {
        return type.cast(meta.getAttribute(key));
      }

      @Override
      public <T> T computeIfAbsent(String key, Class<T> type, Supplier<T> factory) {
        Object existing = meta.getAttribute(key);
        if (type.isInstance(existing)) {
          return type.cast(existing);
        }
        T created = factory.get();
        meta.setAttribute(key, created);
        return created;
      }

      @Override
      public void remove(String key) {
        meta.removeAttribute(key);
      }
    };
  }

  @Override
  public Optional<WebResponse> step(String name) {
    return faults.at(new FaultPoint(listener, path(), name), delay, baseUrl() + path());
  }
}
