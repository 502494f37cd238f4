package io.lyncemu.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class LyncEmulatorRepeatedStartTest {
  private static final int ROUNDS = 50;

  @TempDir Path stateDir;

  @Test
  @Timeout(300)
  void startingAndStoppingFiftyTimesLeaksNoThreadAndNoPort() throws IOException {
    // One warm-up round creates the CA and loads every class, so the baseline is steady.
    roundTrip();
    Set<Thread> before = liveThreads();
    List<InetSocketAddress> used = new ArrayList<>();

    for (int i = 0; i < ROUNDS; i++) {
      used.addAll(roundTrip());
    }

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(names(leaked(before))).isEmpty());
    for (InetSocketAddress address : used.subList(used.size() - 3, used.size())) {
      try (ServerSocket socket = new ServerSocket(address.getPort(), 1, address.getAddress())) {
        assertThat(socket.isBound()).isTrue();
      }
    }
  }

  private List<InetSocketAddress> roundTrip() {
    LyncEmulator lync =
        LyncEmulator.builder().ports(PortPlan.ephemeral()).stateDir(stateDir).build();
    try {
      lync.start();
      assertThat(lync.unboundListeners()).isEmpty();
      return new ArrayList<>(lync.endpoints().values());
    } finally {
      lync.stop();
    }
  }

  private static Set<Thread> liveThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .collect(Collectors.toSet());
  }

  /** Threads started since {@code before}, except the JVM's and the test tools' own. */
  private static Set<Thread> leaked(Set<Thread> before) {
    return liveThreads().stream()
        .filter(t -> !before.contains(t))
        .filter(t -> !isJvmThread(t))
        .collect(Collectors.toSet());
  }

  private static boolean isJvmThread(Thread thread) {
    String name = thread.getName();
    if (name.startsWith("awaitility")) {
      return true; // Awaitility polls on its own thread while asserting this very condition.
    }
    return thread.isDaemon()
        && (name.startsWith("ForkJoinPool.commonPool")
            || name.equals("process reaper")
            || name.equals("Attach Listener")
            || name.equals("Common-Cleaner")
            || name.startsWith("surefire"));
  }

  private static List<String> names(Set<Thread> threads) {
    return threads.stream().map(Thread::getName).sorted().toList();
  }
}
