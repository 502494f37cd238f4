package io.lyncemu.core.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link CmdletArguments#bind}: PowerShell's prefix matching and positional binding. */
class ParameterBindingTest {
  private static final String[] PARAMETERS = {
    "Enabled", "EnabledSharedAddressSpace", "EnableXmppAccess", "ProxyFqdn"
  };

  private static CmdletArguments bind(String line) {
    return CommandLine.parse("Any-Cmdlet " + line).arguments().bind("Any-Cmdlet", PARAMETERS);
  }

  @Test
  void anUnambiguousPrefixBindsToTheFullName() {
    CmdletArguments args = bind("-enablex $true -Prox:sip.contoso.com");

    assertThat(args.bool("EnableXmppAccess")).contains(true);
    assertThat(args.get("ProxyFqdn")).contains("sip.contoso.com");
    assertThat(args.asMap()).containsOnlyKeys("EnableXmppAccess", "ProxyFqdn");
  }

  @Test
  void anExactNameWinsOverLongerNamesStartingWithIt() {
    assertThat(bind("-Enabled $false").bool("Enabled")).contains(false);
  }

  @Test
  void anAmbiguousPrefixListsTheMatches() {
    assertThatThrownBy(() -> bind("-Enable $true"))
        .isInstanceOf(CmdletException.class)
        .hasMessage(
            "Parameter cannot be processed because the parameter name 'Enable' is ambiguous."
                + " Possible matches include: -Enabled -EnabledSharedAddressSpace"
                + " -EnableXmppAccess.");
  }

  @Test
  void anUnknownNameKeepsPowerShellsWording() {
    assertThatThrownBy(() -> bind("-Colour red"))
        .hasMessage("A parameter cannot be found that matches parameter name 'Colour'.");
  }

  @Test
  void theSameParameterTwiceIsRefused() {
    assertThatThrownBy(() -> bind("-Enabled $true -EnabledS $false -ProxyF a.com -Prox b.com"))
        .hasMessageStartingWith(
            "Cannot bind parameter because parameter 'ProxyFqdn' is specified more than once.");
  }

  @Test
  void theFirstPositionalValueIsTheIdentityAndAnyOtherIsAnError() {
    assertThat(bind("gmail.com -Enabled $true").identity()).contains("gmail.com");
    assertThatThrownBy(() -> bind("-Identity FedPic EnableXmppAccess $true"))
        .hasMessage(
            "A positional parameter cannot be found that accepts argument 'EnableXmppAccess'.");
    assertThatThrownBy(() -> bind("gmail.com jabber.org"))
        .hasMessage("A positional parameter cannot be found that accepts argument 'jabber.org'.");
  }

  @Test
  void theAdminApiMapFormBindsTheSameWay() {
    CmdletArguments args =
        CmdletArguments.of(Map.of("-EnableX", "$true")).bind("Any-Cmdlet", PARAMETERS);

    assertThat(args.bool("EnableXmppAccess")).contains(true);
  }

  @Test
  void allowStillMatchesNamesExactly() {
    assertThatThrownBy(
            () -> CmdletArguments.parse(List.of("-EnableX", "$true")).allow("X", PARAMETERS))
        .hasMessage("A parameter cannot be found that matches parameter name 'EnableX'.");
  }

  @Test
  void parsedTurnsAParserRefusalIntoAConversionError() {
    assertThatThrownBy(
            () ->
                CmdletArguments.parse(List.of("-Level", "Maybe"))
                    .parsed(
                        "Level",
                        v -> {
                          throw new IllegalArgumentException("'" + v + "' is not one of A, B");
                        }))
        .hasMessage(
            "Cannot bind parameter 'Level'. Cannot convert value \"Maybe\": 'Maybe' is not one"
                + " of A, B.");
  }
}
