package io.lyncemu.app.admin.jetty;

import io.lyncemu.app.admin.AdminApi;
import io.lyncemu.core.lifecycle.PortBindException;
import io.lyncemu.core.lifecycle.Service;
import io.lyncemu.core.lifecycle.StartupException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin API's HTTP listener ({@value #LISTENER}), on loopback only: it can change the whole
 * deployment and has no authentication. Owns one named Jetty thread pool and scheduler, created on
 * start and released on stop, so repeated start/stop leaks no thread. Start and stop are
 * serialised.
 */
public final class AdminServer implements Service {
  public static final String LISTENER = "admin";
  private static final Logger LOG = LoggerFactory.getLogger(AdminServer.class);
  private static final int MAX_THREADS = 16;

  private final AdminApi api;
  private final String host;
  private final int port;
  private final Duration stopTimeout;
  private Server server;
  private ServerConnector connector;

  public AdminServer(AdminApi api, String host, int port, Duration stopTimeout) {
    this.api = Objects.requireNonNull(api, "api");
    this.host = Objects.requireNonNull(host, "host");
    this.port = port;
    this.stopTimeout = Objects.requireNonNull(stopTimeout, "stopTimeout");
  }

  @Override
  public String name() {
    return "admin";
  }

  @Override
  public synchronized void start() {
    if (server != null) {
      return;
    }
    QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 2);
    threads.setName("lyncemu-admin");
    // Daemon threads: an embedding program that forgets stop() can still exit.
    threads.setDaemon(true);
    Server jetty =
        new Server(threads, new ScheduledExecutorScheduler("lyncemu-admin-scheduler", true), null);
    jetty.setStopTimeout(stopTimeout.toMillis());
    ServerConnector http = new ServerConnector(jetty, 1, 1);
    http.setHost(host);
    http.setPort(port);
    jetty.addConnector(http);
    jetty.setHandler(new AdminHandler(api));
    try {
      jetty.start();
    } catch (Exception e) {
      stopQuietly(jetty);
      if (e instanceof IOException) {
        throw new PortBindException(LISTENER, new InetSocketAddress(host, port), rootCause(e));
      }
      throw new StartupException("the admin API could not start: " + e, e);
    }
    server = jetty;
    connector = http;
    LOG.info("admin API listening on http://{}:{}/", host, http.getLocalPort());
  }

  private static Throwable rootCause(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root;
  }

  private static void stopQuietly(Server jetty) {
    try {
      jetty.stop();
    } catch (Exception e) {
      LOG.debug("stopping the admin server after a failed start", e);
    }
  }

  @Override
  public synchronized void stop() {
    if (server == null) {
      return;
    }
    Server stopping = server;
    server = null;
    connector = null;
    try {
      stopping.stop();
    } catch (Exception e) {
      LOG.warn("the admin API did not stop cleanly", e);
    }
    LOG.info("admin API stopped");
  }

  @Override
  public synchronized boolean isRunning() {
    return server != null && server.isRunning();
  }

  @Override
  public synchronized Map<String, InetSocketAddress> endpoints() {
    if (connector == null || connector.getLocalPort() <= 0) {
      return Map.of();
    }
    return Map.of(LISTENER, new InetSocketAddress(host, connector.getLocalPort()));
  }
}
