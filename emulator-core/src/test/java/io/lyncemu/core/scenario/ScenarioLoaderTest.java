package io.lyncemu.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lyncemu.core.fault.Fault;
import io.lyncemu.core.fault.Trigger;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ScenarioLoaderTest {
  private final ScenarioLoader loader = new ScenarioLoader();

  @Test
  void readsChangesFaultsTriggersAndExpectation() {
    Scenario scenario =
        loader.parse(
            """
        name: s
        title: T
        changes:
          - Set-CsWebServiceConfiguration -UseWindowsAuth NTLM
        faults:
          - id: f1
            step: webticket.authenticate
            respond-with: {status: 401, headers: {X-A: b}}
            trigger: {after: 1}
          - path: /mcx
            delay: 1500ms
          - step: mcx.im.send
            advance-clock: 73h
            trigger: {nth: 1}
        expect:
          transaction: Test-CsMcxP2PIM
          result: Failure
          error-contains: ["401"]
        """,
            "s.yaml");

    assertThat(scenario.changes())
        .containsExactly("Set-CsWebServiceConfiguration -UseWindowsAuth NTLM");
    assertThat(scenario.faults()).hasSize(3);
    assertThat(scenario.faults().get(0).fault()).isInstanceOf(Fault.RespondWith.class);
    assertThat(scenario.faults().get(0).trigger()).isEqualTo(new Trigger.After(1));
    assertThat(scenario.faults().get(1).id()).isEqualTo("s#1");
    assertThat(scenario.faults().get(1).fault())
        .isEqualTo(new Fault.Delay(Duration.ofMillis(1500)));
    assertThat(scenario.faults().get(2).fault())
        .isEqualTo(new Fault.AdvanceClock(Duration.ofHours(73)));
    assertThat(scenario.expect().result()).isEqualTo("Failure");
  }

  @Test
  void typoInAFaultIsAnErrorNotASilentNoOp() {
    assertThatThrownBy(
            () ->
                loader.parse(
                    """
        name: s
        faults:
          - step: x
            respnd-with: {status: 500}
        expect: {transaction: T}
        """,
                    "s.yaml"))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("s.yaml")
        .hasMessageContaining("respnd-with");
  }

  @Test
  void faultWithTwoActionsIsRefused() {
    assertThatThrownBy(
            () ->
                loader.parse(
                    """
        name: s
        faults:
          - step: x
            drop: true
            stall: true
        expect: {transaction: T}
        """,
                    "s.yaml"))
        .hasMessageContaining("exactly one of");
  }
}
