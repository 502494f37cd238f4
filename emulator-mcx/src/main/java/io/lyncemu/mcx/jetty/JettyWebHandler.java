package io.lyncemu.mcx.jetty;

import io.lyncemu.core.fault.Fault;
import io.lyncemu.mcx.web.StepFaults;
import io.lyncemu.mcx.web.WebDispatcher;
import io.lyncemu.mcx.web.WebResponse;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.DateGenerator;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Translates each Jetty request into a {@link WebDispatcher} call and writes the answer back,
 * acting out transport faults. Shared by both listeners; thread-safe.
 */
final class JettyWebHandler extends Handler.Abstract {
  private final WebDispatcher dispatcher;
  private final StepFaults faults;
  private final int maxBodyBytes;
  private final Duration idleTimeout;

  /**
   * A held long poll (MCX getEvents, the UCWA event channel, up to 1,800 s) is silent on purpose;
   * the connection's idle timeout, meant for stalled clients, must not cut it.
   */
  static final Duration HELD_POLL_IDLE_TIMEOUT = Duration.ofMinutes(31);

  private final Set<Callback> stalled = ConcurrentHashMap.newKeySet();

  JettyWebHandler(
      WebDispatcher dispatcher, StepFaults faults, int maxBodyBytes, Duration idleTimeout) {
    super(InvocationType.BLOCKING);
    this.dispatcher = dispatcher;
    this.faults = faults;
    this.maxBodyBytes = maxBodyBytes;
    this.idleTimeout = idleTimeout;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String listener = String.valueOf(request.getConnectionMetaData().getConnector().getName());
    JettyWebRequest web = new JettyWebRequest(request, listener, maxBodyBytes, faults);
    long started = System.nanoTime();
    // The body is read before dispatching, asynchronously: a client that stalls mid-body must not
    // hold one of the request threads (80 such clients used to starve every other caller).
    web.prefetchBody()
        .whenComplete(
            (read, unreadable) -> {
              if (unreadable != null) {
                // Idle timeout or reset mid-body: as with http.sys, the connection is closed and
                // nobody is answered (failing the callback alone would make Jetty write a 500).
                request.getConnectionMetaData().getConnection().getEndPoint().close();
                callback.failed(unreadable);
              } else {
                dispatch(web, request, response, callback, started);
              }
            });
    return true;
  }

  private void dispatch(
      JettyWebRequest web, Request request, Response response, Callback callback, long started) {
    CompletableFuture<WebResponse> pending =
        dispatcher.dispatch(web, faults, web.delay()).toCompletableFuture();
    if (!pending.isDone()) {
      // The body is in, so an unfinished answer is the route holding the request (a long poll or
      // a stall): widen the idle timeout while it waits, then give the connection its own back.
      EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
      endPoint.setIdleTimeout(HELD_POLL_IDLE_TIMEOUT.toMillis());
      pending.whenComplete((done, failed) -> endPoint.setIdleTimeout(idleTimeout.toMillis()));
    }
    pending.whenComplete(
        (answer, failure) -> {
          Duration delay = web.delay().get();
          Runnable send = () -> send(web, request, response, callback, answer, started);
          if (delay.isZero()) {
            send.run();
          } else {
            request
                .getComponents()
                .getScheduler()
                .schedule(send, delay.toMillis(), TimeUnit.MILLISECONDS);
          }
        });
  }

  private void send(
      JettyWebRequest web,
      Request request,
      Response response,
      Callback callback,
      WebResponse answer,
      long started) {
    dispatcher.record(
        web,
        dispatcher.componentOf(web),
        answer,
        web.bodyIfRead(),
        Duration.ofNanos(System.nanoTime() - started));
    if (answer.transportFault().isPresent()) {
      act(answer.transportFault().get(), request, callback);
      return;
    }
    response.setStatus(answer.status());
    for (Map.Entry<String, String> header : answer.headers()) {
      response.getHeaders().add(header.getKey(), header.getValue());
    }
    // After the persona's headers, as IIS orders them (Test-CsMcxP2PIM prints them in wire order).
    response
        .getHeaders()
        .add(HttpHeader.DATE, DateGenerator.formatDate(System.currentTimeMillis()));
    if (answer.body().length == 0) {
      response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0L);
    }
    response.write(true, ByteBuffer.wrap(answer.body()), callback);
  }

  private void act(Fault fault, Request request, Callback callback) {
    EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
    if (fault instanceof Fault.Stall) {
      // Never answer; the callback is failed on stop so the connection is released then.
      stalled.add(callback);
      return;
    }
    if (fault instanceof Fault.ResetConnection) {
      lingerZero(endPoint);
    }
    endPoint.close();
    callback.failed(new EofException("fault injected: " + fault.describe()));
  }

  /** SO_LINGER 0 turns the close into a TCP RST, which clients report as "connection reset". */
  private static void lingerZero(EndPoint endPoint) {
    Object transport = endPoint.getTransport();
    for (int depth = 0; depth < 4; depth++) { // TLS wraps the socket's end point in a connection
      if (transport instanceof EndPoint inner) {
        transport = inner.getTransport();
      } else if (transport instanceof Connection connection) {
        transport = connection.getEndPoint();
      }
    }
    if (transport instanceof SocketChannel channel) {
      try {
        channel.setOption(StandardSocketOptions.SO_LINGER, 0);
      } catch (IOException e) {
        // The socket is already gone: a plain close is all that is left to do.
      }
    }
  }

  /** Releases stalled requests when the server stops. */
  void releaseStalled() {
    for (Callback callback : stalled) {
      callback.failed(new EofException("emulator stopping"));
    }
    stalled.clear();
  }
}
