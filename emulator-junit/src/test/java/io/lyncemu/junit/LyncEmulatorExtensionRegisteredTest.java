package io.lyncemu.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.lyncemu.app.LyncEmulator;
import io.lyncemu.core.time.EmulatorClock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LyncEmulatorExtensionRegisteredTest {
  private static final Instant EPOCH = Instant.parse("2013-10-01T09:00:00Z");

  @RegisterExtension
  static LyncEmulatorExtension lync =
      LyncEmulatorExtension.builder()
          .adminApi(false)
          .customize(b -> b.clock(EmulatorClock.fixed(EPOCH)))
          .build();

  @Test
  void appliesTheBuilderOptions(LyncEmulator injected) {
    // the Edge modules add their listeners too; what matters here is that the builder ran
    assertThat(injected.endpoints()).containsKeys("web-https", "web-http");
    assertThat(injected.clock().instant()).isEqualTo(EPOCH);
  }

  @Test
  void exposesTheRunningEmulatorThroughTheField(LyncEmulator injected) {
    assertThat(lync.emulator()).isSameAs(injected);
  }
}
