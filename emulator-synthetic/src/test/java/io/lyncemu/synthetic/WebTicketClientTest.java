package io.lyncemu.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import io.lyncemu.synthetic.httpclient.LegClient;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebTicketClientTest {
  @TempDir java.nio.file.Path state;
  private EmulatorFixture emulator;
  private LegClient leg;

  @BeforeEach
  void start() {
    emulator = new EmulatorFixture(state);
    leg =
        new LegClient(
            emulator.ca.clientContext(),
            EmulatorFixture.TARGET,
            new InetSocketAddress(InetAddress.getLoopbackAddress(), emulator.httpsPort),
            Duration.ofSeconds(10));
  }

  @AfterEach
  void stop() {
    leg.close();
    emulator.close();
  }

  private WebTicketClient client() {
    return new WebTicketClient(
        leg,
        URI.create(
            "https://" + EmulatorFixture.TARGET + ":" + emulator.httpsPort + WebTicketClient.PATH),
        new SecureRandom(),
        Clock.systemUTC(),
        Duration.ofSeconds(10));
  }

  @Test
  void theAssertionCutFromTheAnswerIsATicketTheServiceAcceptsAsOpaqueHeader() throws Exception {
    String assertion =
        client()
            .acquire(
                "https://atl-cs-001.litwareinc.com/Mcx/McxService.svc",
                EmulatorFixture.PILAR,
                UserCredential.parse("c", EmulatorFixture.PILAR_CREDENTIAL));

    String header =
        "opaque=" + Base64.getEncoder().encodeToString(assertion.getBytes(StandardCharsets.UTF_8));
    assertThat(emulator.server.tickets().validateOpaqueHeader(header))
        .hasValueSatisfying(ticket -> assertThat(ticket.sipUri()).isEqualTo(EmulatorFixture.PILAR));
  }

  @Test
  void aCredentialForSomeoneElsesSipAddressIsRefusedByTheService() {
    Optional<TransactionFailure> failure;
    try {
      client()
          .acquire(
              "https://atl-cs-001.litwareinc.com/Mcx/McxService.svc",
              EmulatorFixture.KEN,
              UserCredential.parse("c", EmulatorFixture.PILAR_CREDENTIAL));
      failure = Optional.empty();
    } catch (TransactionFailure e) {
      failure = Optional.of(e);
    }

    assertThat(failure)
        .hasValueSatisfying(
            f ->
                assertThat(f.errorMessage())
                    .isEqualTo(
                        "No response received for Web-Ticket service.\n"
                            + "Inner Exception:No valid security token."));
  }
}
