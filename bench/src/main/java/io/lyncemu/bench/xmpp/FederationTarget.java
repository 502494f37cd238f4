package io.lyncemu.bench.xmpp;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * A server the driver loads: where its s2s listener is, which of its users receive, and how many
 * messages reached them. Implementations: {@link ProsodyTarget}, {@link EmulatorTarget}.
 */
public interface FederationTarget extends AutoCloseable {

  /** Short name for the report, e.g. {@code emulator} or {@code Prosody}. */
  String name();

  /** The XMPP domain the receiving users live in. */
  String domain();

  /** The server-to-server listener (127.0.0.1). */
  InetSocketAddress s2s();

  /** Bare JIDs of the receiving users, each signed in once. */
  List<String> recipients();

  /** Messages delivered to the recipients so far. */
  long delivered();

  /** Memory the server holds now, in bytes, measured as {@link #memoryMethod()} says. */
  long memoryBytes();

  String memoryMethod();

  /**
   * Waits until {@code count} messages in total have been delivered; false if they have not after
   * {@code timeout} (dropped or still queued).
   */
  default boolean awaitDelivered(long count, Duration timeout) throws InterruptedException {
    return Waits.until(() -> delivered() >= count, timeout);
  }

  @Override
  void close();
}
