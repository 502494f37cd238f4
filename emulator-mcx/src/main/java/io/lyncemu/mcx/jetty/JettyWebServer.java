package io.lyncemu.mcx.jetty;

import io.lyncemu.core.lifecycle.PortBindException;
import io.lyncemu.core.lifecycle.Service;
import io.lyncemu.core.lifecycle.StartupException;
import io.lyncemu.mcx.McxConfig;
import io.lyncemu.mcx.web.StepFaults;
import io.lyncemu.mcx.web.WebDispatcher;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The Jetty server behind the web services: one HTTPS and one HTTP connector sharing one handler
 * and one named thread pool. A new Jetty {@link Server} is built on every start, so stop/start
 * cycles (Stop-CsWindowsService W3SVC) release and re-bind cleanly. Thread-safe (start/stop
 * synchronised).
 */
public final class JettyWebServer implements Service {
  private final String name;
  private final String httpsListener;
  private final String httpListener;
  private final McxConfig config;
  private final SSLContext sslContext;
  private final WebDispatcher dispatcher;
  private final StepFaults faults;
  private Server server;
  private JettyWebHandler handler;
  private Map<String, InetSocketAddress> endpoints = Map.of();
  // Ports bound by the first start: a restart (Start-CsWindowsService W3SVC) comes back where
  // clients and endpoints.json expect it, even when the configured port was 0.
  private int lastHttpsPort = -1;
  private int lastHttpPort = -1;

  public JettyWebServer(
      String name,
      String httpsListener,
      String httpListener,
      McxConfig config,
      SSLContext sslContext,
      WebDispatcher dispatcher,
      StepFaults faults) {
    this.name = name;
    this.httpsListener = httpsListener;
    this.httpListener = httpListener;
    this.config = config;
    this.sslContext = sslContext;
    this.dispatcher = dispatcher;
    this.faults = faults;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public synchronized void start() {
    if (server != null) {
      return;
    }
    QueuedThreadPool threads = new QueuedThreadPool(64, 4);
    threads.setName("lyncemu-" + name);
    Server jetty = new Server(threads);
    jetty.setStopTimeout(config.stopTimeout().toMillis());

    HttpConfiguration plain = iisLike();
    HttpConfiguration secure = iisLike();
    // SNI host checks would reject clients that reach us by IP with a Host header of an emulated
    // name (curl --resolve does exactly that); IIS does not check either.
    secure.addCustomizer(new SecureRequestCustomizer(false));
    SslContextFactory.Server tls = new SslContextFactory.Server();
    tls.setSslContext(sslContext);

    ServerConnector https =
        new ServerConnector(
            jetty, new SslConnectionFactory(tls, "http/1.1"), new HttpConnectionFactory(secure));
    https.setName(httpsListener);
    https.setHost(config.bindHost());
    https.setIdleTimeout(config.idleTimeout().toMillis());
    https.setPort(lastHttpsPort > 0 ? lastHttpsPort : config.httpsPort());
    ServerConnector http = new ServerConnector(jetty, new HttpConnectionFactory(plain));
    http.setName(httpListener);
    http.setHost(config.bindHost());
    http.setIdleTimeout(config.idleTimeout().toMillis());
    http.setPort(lastHttpPort > 0 ? lastHttpPort : config.httpPort());
    jetty.addConnector(https);
    jetty.addConnector(http);
    JettyWebHandler webHandler =
        new JettyWebHandler(dispatcher, faults, config.maxRequestBytes(), config.idleTimeout());
    jetty.setHandler(webHandler);
    // Requests Jetty refuses itself (bad request line, path above the root, huge headers) get the
    // http.sys-style page Windows answers with, not Jetty's.
    jetty.setErrorHandler(new HttpSysErrorHandler());
    try {
      jetty.start();
    } catch (Exception e) {
      stopQuietly(jetty);
      String failed = https.getLocalPort() <= 0 ? httpsListener : httpListener;
      int port = failed.equals(httpsListener) ? https.getPort() : http.getPort();
      if (e instanceof IOException) {
        throw new PortBindException(failed, new InetSocketAddress(config.bindHost(), port), e);
      }
      throw new StartupException("web services could not start: " + e.getMessage(), e);
    }
    Map<String, InetSocketAddress> bound = new LinkedHashMap<>();
    bound.put(httpsListener, new InetSocketAddress(config.bindHost(), https.getLocalPort()));
    bound.put(httpListener, new InetSocketAddress(config.bindHost(), http.getLocalPort()));
    endpoints = Collections.unmodifiableMap(bound);
    lastHttpsPort = https.getLocalPort();
    lastHttpPort = http.getLocalPort();
    server = jetty;
    handler = webHandler;
  }

  private static HttpConfiguration iisLike() {
    HttpConfiguration config = new HttpConfiguration();
    // IIS sends its own Server header (added by IisPersona), never Jetty's.
    config.setSendServerVersion(false);
    config.setSendXPoweredBy(false);
    // IIS writes Date after its own headers; JettyWebHandler adds it there, not Jetty up front.
    // NTLM puts a different Authorization value on every leg; Jetty's per-connection header cache
    // would take each one in and be cleared on every request (a fifth of the CPU of a ticket).
    config.setHeaderCacheSize(0);
    config.setSendDateHeader(false);
    return config;
  }

  @Override
  public synchronized void stop() {
    if (server == null) {
      return;
    }
    handler.releaseStalled();
    stopQuietly(server);
    server = null;
    handler = null;
    endpoints = Map.of();
  }

  private static void stopQuietly(Server jetty) {
    try {
      jetty.stop();
    } catch (Exception e) {
      // Stopping is best effort; the ports are released by the connectors' close regardless.
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return server != null && server.isStarted();
  }

  @Override
  public synchronized Map<String, InetSocketAddress> endpoints() {
    return endpoints;
  }
}
