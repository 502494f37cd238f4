package io.lyncemu.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.lyncemu.app.LyncEmulator;
import org.junit.jupiter.api.Test;

@LyncEmulatorTest(
    topology = "lync-defaults",
    scenario = "junit-test-pilar-disabled",
    adminApi = false)
class LyncEmulatorTestAttributesTest {

  @Test
  void startsTheNamedTopologyWithTheScenarioAppliedAndNoAdminApi(LyncEmulator lync) {
    assertThat(lync.deployment().current().name()).isEqualTo("lync-defaults");
    assertThat(lync.scenarios().active())
        .hasValueSatisfying(s -> assertThat(s.name()).isEqualTo("junit-test-pilar-disabled"));
    assertThat(lync.endpoints()).doesNotContainKey("admin");
  }
}
