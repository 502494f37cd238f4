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
    // Modules add listeners (dns, xmpp-s2s, xmpp-internal); what this builder controls is that
    // the admin API is off.
    assertThat(injected.endpoints())
        .containsKeys("web-https", "web-http")
        .doesNotContainKey(io.lyncemu.app.admin.jetty.AdminServer.LISTENER);
    assertThat(injected.clock().instant()).isEqualTo(EPOCH);
  }

  @Test
  void exposesTheRunningEmulatorThroughTheField(LyncEmulator injected) {
    assertThat(lync.emulator()).isSameAs(injected);
  }
}
