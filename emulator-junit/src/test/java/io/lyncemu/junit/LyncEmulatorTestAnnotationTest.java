package io.lyncemu.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.lyncemu.app.LyncEmulator;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

@LyncEmulatorTest
class LyncEmulatorTestAnnotationTest {
  private final LyncEmulator fromConstructor;

  LyncEmulatorTestAnnotationTest(LyncEmulator lync) {
    this.fromConstructor = lync;
  }

  @Test
  void injectsARunningEmulatorOnEphemeralPorts(LyncEmulator lync) {
    assertThat(lync.isRunning()).isTrue();
    assertThat(lync.endpoints()).containsKeys("admin", "web-https", "web-http");
    assertThat(lync.endpoints().values())
        .extracting(InetSocketAddress::getPort)
        .doesNotContain(8090, 4443, 8080);
  }

  @Test
  void sharesOneEmulatorPerClassBetweenConstructorAndMethods(LyncEmulator lync) {
    assertThat(lync).isSameAs(fromConstructor);
  }

  @Test
  void usesTheDefaultTopologyInATemporaryStateDirectory(LyncEmulator lync) {
    assertThat(lync.deployment().current().name()).isEqualTo("litwareinc");
    assertThat(lync.stateDir().getFileName().toString()).startsWith("lyncemu-");
  }
}
