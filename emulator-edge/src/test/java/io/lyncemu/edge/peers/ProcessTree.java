package io.lyncemu.edge.peers;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Stops a peer process and everything it started. Children are collected before the parent dies,
 * because once it is gone they are re-parented and can no longer be found through it.
 */
final class ProcessTree {
  private ProcessTree() {}

  /**
   * SIGTERM first so the peer can close its sockets and flush its logs, SIGKILL for whatever is
   * still alive after {@code grace}. Returns true when the whole tree is gone.
   */
  static boolean stop(Process process, Duration grace) {
    List<ProcessHandle> tree = process.descendants().toList();
    tree.forEach(ProcessHandle::destroy);
    process.destroy();
    boolean exited = waitFor(process, grace);
    if (!exited) {
      process.destroyForcibly();
      exited = waitFor(process, Duration.ofSeconds(5));
    }
    for (ProcessHandle child : tree) {
      if (child.isAlive()) {
        child.destroyForcibly();
      }
    }
    return exited && tree.stream().noneMatch(ProcessHandle::isAlive);
  }

  private static boolean waitFor(Process process, Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !process.isAlive();
    }
  }
}
