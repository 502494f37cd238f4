package io.lyncemu.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.lyncemu.app.LyncEmulator;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** Runs fixture classes through the Jupiter engine and checks what the extension left behind. */
class LyncEmulatorExtensionLifecycleTest {
  static final List<LyncEmulator> SEEN = new CopyOnWriteArrayList<>();
  static final List<Map<String, InetSocketAddress>> BOUND = new CopyOnWriteArrayList<>();

  private static Events run(Class<?> fixture) {
    return execute(fixture).testEvents();
  }

  private static EngineExecutionResults execute(Class<?> fixture) {
    SEEN.clear();
    BOUND.clear();
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture)).execute();
  }

  @Test
  void stopsTheEmulatorAndFreesItsPortsEvenWhenATestFails() throws IOException {
    Events events = run(FailingFixture.class);

    events.assertStatistics(stats -> stats.started(1).failed(1));
    assertThat(SEEN).singleElement().satisfies(lync -> assertThat(lync.isRunning()).isFalse());
    for (InetSocketAddress address : BOUND.get(0).values()) {
      try (ServerSocket socket = new ServerSocket(address.getPort(), 1, address.getAddress())) {
        assertThat(socket.isBound()).isTrue();
      }
    }
  }

  @Test
  void givesEveryTestItsOwnEmulatorPerMethodAndStopsEach() {
    Events events = run(PerMethodFixture.class);

    events.assertStatistics(stats -> stats.succeeded(2));
    assertThat(SEEN).hasSize(2).doesNotHaveDuplicates();
    assertThat(SEEN).allSatisfy(lync -> assertThat(lync.isRunning()).isFalse());
  }

  @Test
  void reportsAStartFailureOnTheClassNamingTheFile() {
    EngineExecutionResults results = execute(BadTopologyFixture.class);

    assertThat(SEEN).isEmpty();
    results
        .containerEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                container(BadTopologyFixture.class),
                finishedWithFailure(message(m -> m.contains("does-not-exist.yaml")))));
  }

  @Test
  void refusesToInjectAPerMethodEmulatorIntoAConstructor() {
    Events events = run(PerMethodConstructorFixture.class);

    events
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                test(),
                finishedWithFailure(message(m -> m.contains("injected into test methods")))));
  }

  @LyncEmulatorTest(adminApi = false)
  static class FailingFixture {
    @Test
    void fails(LyncEmulator lync) {
      SEEN.add(lync);
      BOUND.add(lync.endpoints());
      assertThat(lync.isRunning()).isFalse();
    }
  }

  static class PerMethodFixture {
    @RegisterExtension
    static LyncEmulatorExtension extension =
        LyncEmulatorExtension.builder().adminApi(false).perMethod().build();

    @Test
    void first(LyncEmulator lync) {
      SEEN.add(lync);
      assertThat(lync.isRunning()).isTrue();
    }

    @Test
    void second(LyncEmulator lync) {
      SEEN.add(lync);
      assertThat(lync.isRunning()).isTrue();
    }
  }

  @LyncEmulatorTest(topology = "does-not-exist.yaml")
  static class BadTopologyFixture {
    @Test
    void neverRuns(LyncEmulator lync) {
      SEEN.add(lync);
    }
  }

  @LyncEmulatorTest(lifecycle = LyncEmulatorTest.Lifecycle.PER_METHOD, adminApi = false)
  static class PerMethodConstructorFixture {
    PerMethodConstructorFixture(LyncEmulator lync) {
      SEEN.add(lync);
    }

    @Test
    void neverRuns() {}
  }
}
