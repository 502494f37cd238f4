package io.lyncemu.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lyncemu.core.management.CmdletArguments;
import io.lyncemu.core.management.CmdletException;
import io.lyncemu.core.management.PsObject;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

/** Parameter binding needs no server: every case here fails before any connection. */
class TestCsMcxP2PimParametersTest {
  private final TestCsMcxP2PimCmdlet cmdlet =
      new TestCsMcxP2PimCmdlet(
          new SyntheticEnvironment(
              defaultContext(),
              host -> {
                throw new UnknownHostException(host);
              },
              Clock.systemUTC(),
              Duration.ofSeconds(5)));

  private static SSLContext defaultContext() {
    try {
      return SSLContext.getDefault();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void theMechanismsTheClientLacksAreRefusedAsNotImplemented() {
    for (String mechanism : List.of("TrustedServer", "ClientCertificate", "LiveID")) {
      assertThatThrownBy(
              () -> cmdlet.invoke(EmulatorFixture.arguments("-Authentication", mechanism)))
          .isInstanceOfSatisfying(
              CmdletException.class, e -> assertThat(e.category()).isEqualTo("NotImplemented"))
          .hasMessageContaining("does not implement the '" + mechanism + "'");
    }
  }

  @Test
  void anUnknownMechanismIsRefusedWithPowerShellsValidateSetWording() {
    assertThatThrownBy(() -> cmdlet.invoke(EmulatorFixture.arguments("-Authentication", "Basic")))
        .isInstanceOf(CmdletException.class)
        .hasMessageStartingWith(
            "Cannot validate argument on parameter 'Authentication'. The argument \"Basic\" does"
                + " not belong to the set \"TrustedServer,Negotiate,ClientCertificate,LiveID\"");
  }

  @Test
  void aMissingCredentialIsAUsageError() {
    assertThatThrownBy(
            () ->
                cmdlet.invoke(
                    CmdletArguments.parse(
                        List.of(
                            "-TargetFqdn", "pool.example.com",
                            "-SenderSipAddress", "sip:a@example.com",
                            "-ReceiverSipAddress", "sip:b@example.com",
                            "-ReceiverCredential", "d\\b:p"))))
        .isInstanceOf(CmdletException.class)
        .hasMessageContaining("'SenderCredential'");
  }

  @Test
  void anUnknownParameterIsRefused() {
    assertThatThrownBy(() -> cmdlet.invoke(EmulatorFixture.arguments("-Bogus", "1")))
        .isInstanceOf(CmdletException.class)
        .hasMessageContaining("'Bogus'");
  }

  @Test
  void aPortOutOfRangeIsRefused() {
    assertThatThrownBy(() -> cmdlet.invoke(EmulatorFixture.arguments("-Port", "70000")))
        .isInstanceOf(CmdletException.class)
        .hasMessageContaining("'Port'");
  }

  @Test
  void anUnresolvableTargetIsAFailedTransactionNotAUsageError() {
    var output = cmdlet.invoke(EmulatorFixture.arguments("-Port", "4443"));

    PsObject task = EmulatorFixture.only(output);
    assertThat(output.succeeded()).isFalse();
    assertThat(task.get("Target Uri")).isEqualTo("https://atl-cs-001.litwareinc.com:4443/mcx");
    assertThat(task.get("Error Message"))
        .isEqualTo(
            "No response received for Web-Ticket service.\n"
                + "Inner Exception:The remote name could not be resolved:"
                + " 'atl-cs-001.litwareinc.com'");
  }
}
