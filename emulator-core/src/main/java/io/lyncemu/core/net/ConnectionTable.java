package io.lyncemu.core.net;

import java.net.InetSocketAddress;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Listening sockets and established connections of the emulated servers, as netstat would list
 * them. Listeners register when they bind and close the handle when they unbind; connection
 * handlers register on accept/connect and close on disconnect. Thread-safe.
 */
public final class ConnectionTable {
  private final Set<Entry> entries = ConcurrentHashMap.newKeySet();
  private final long pid = ProcessHandle.current().pid();

  /** One row: {@code remote} is null for a listening socket. {@code owner} is the service name. */
  public record Entry(
      String owner, InetSocketAddress local, InetSocketAddress remote, State state, long pid) {
    public Entry {
      Objects.requireNonNull(owner, "owner");
      Objects.requireNonNull(local, "local");
      Objects.requireNonNull(state, "state");
    }
  }

  /** The TCP states the emulator reports. */
  public enum State {
    LISTENING,
    ESTABLISHED
  }

  public AutoCloseable listening(String owner, InetSocketAddress local) {
    return add(new Entry(owner, local, null, State.LISTENING, pid));
  }

  public AutoCloseable established(
      String owner, InetSocketAddress local, InetSocketAddress remote) {
    return add(
        new Entry(owner, local, Objects.requireNonNull(remote, "remote"), State.ESTABLISHED, pid));
  }

  private AutoCloseable add(Entry entry) {
    entries.add(entry);
    return () -> entries.remove(entry);
  }

  /** Listening rows first, then established, each by local port. */
  public List<Entry> snapshot() {
    return entries.stream()
        .sorted(
            Comparator.comparing(Entry::state)
                .thenComparingInt(e -> e.local().getPort())
                .thenComparing(e -> e.remote() == null ? 0 : e.remote().getPort()))
        .toList();
  }
}
