package io.lyncemu.core.lifecycle;

import java.net.InetSocketAddress;
import java.util.Map;

/**
 * A component that owns listening sockets. {@link #start()} returns only when every listener is
 * bound (or throws {@link StartupException} naming the remedy); {@link #stop()} is idempotent,
 * bounded and releases every port and thread. Implementations are thread-safe for start/stop from
 * any thread.
 */
public interface Service extends AutoCloseable {

  /** A short stable name used in logs, the journal and error messages, e.g. {@code "web"}. */
  String name();

  void start();

  void stop();

  boolean isRunning();

  /** The bound addresses by listener name, read back from the sockets; empty while stopped. */
  Map<String, InetSocketAddress> endpoints();

  default int port(String listener) {
    InetSocketAddress address = endpoints().get(listener);
    if (address == null) {
      throw new IllegalStateException(
          "listener '" + listener + "' of service '" + name() + "' is not bound");
    }
    return address.getPort();
  }

  @Override
  default void close() {
    stop();
  }
}
