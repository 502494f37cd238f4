package io.lyncemu.edge.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting and stopping leaves no JAIN-SIP thread behind. */
class AccessEdgeLifecycleTest {
  @TempDir Path dir;

  private static long sipThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .filter(
            t ->
                t.getName().startsWith("EventScanner")
                    || t.getName().startsWith("MessageProcessorThread"))
        .count();
  }

  @Test
  void stopReleasesEveryStackThread() {
    long before = sipThreads();
    for (int i = 0; i < 3; i++) {
      new EdgeFixture(dir).close();
    }
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(sipThreads()).isEqualTo(before));
  }
}
