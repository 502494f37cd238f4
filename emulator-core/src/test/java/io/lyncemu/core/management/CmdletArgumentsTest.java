package io.lyncemu.core.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CmdletArgumentsTest {

  @Test
  void bindsNamedValuesSwitchesAndPowerShellBooleans() {
    CmdletArguments args =
        CommandLine.parse(
                "Set-CsUser -Identity \"sip:kenmyer@litwareinc.com\" -Enabled $False -Force -Note:'a b'")
            .arguments();

    assertThat(args.identity()).contains("sip:kenmyer@litwareinc.com");
    assertThat(args.bool("enabled")).contains(false);
    assertThat(args.bool("Force")).contains(true);
    assertThat(args.get("note")).contains("a b");
  }

  @Test
  void firstPositionalValueIsTheIdentity() {
    assertThat(CmdletArguments.parse(List.of("Global")).identity()).contains("Global");
  }

  @Test
  void dollarNullIsRecognised() {
    CmdletArguments args = CmdletArguments.parse(List.of("-PolicyName", "$null"));

    assertThat(args.isNull("PolicyName")).isTrue();
    assertThat(args.get("PolicyName")).isEmpty();
  }

  @Test
  void durationsAcceptShortUnitsIsoAndTimeSpans() {
    assertThat(CmdletArguments.parse(List.of("-Advance", "61m")).duration("Advance"))
        .contains(Duration.ofMinutes(61));
    assertThat(CmdletArguments.parse(List.of("-Advance", "PT2H")).duration("Advance"))
        .contains(Duration.ofHours(2));
    assertThat(CmdletArguments.parse(List.of("-Advance", "01:00:30")).duration("Advance"))
        .contains(Duration.ofSeconds(3630));
  }

  @Test
  void unknownParameterIsRefusedWithPowerShellWording() {
    assertThatThrownBy(() -> CmdletArguments.parse(List.of("-Colour", "x")).allow("Get-CsUser"))
        .isInstanceOf(CmdletException.class)
        .hasMessage("A parameter cannot be found that matches parameter name 'Colour'.");
  }

  @Test
  void badBooleanIsRefused() {
    assertThatThrownBy(() -> CmdletArguments.parse(List.of("-Enabled", "maybe")).bool("Enabled"))
        .hasMessageContaining("Use $True or $False");
  }

  @Test
  void unterminatedQuoteIsAUsageError() {
    assertThatThrownBy(() -> CommandLine.parse("Get-CsUser -Identity \"sip:x"))
        .isInstanceOf(CmdletException.class)
        .hasMessageContaining("missing the terminator");
  }
}
