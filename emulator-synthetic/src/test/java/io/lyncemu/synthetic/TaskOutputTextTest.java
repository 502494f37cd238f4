package io.lyncemu.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lyncemu.core.management.CmdletException;
import io.lyncemu.synthetic.httpclient.HttpFailure;
import io.lyncemu.synthetic.httpclient.HttpReply;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TaskOutputTextTest {

  @Test
  void latencyPrintsAsDotNetTimeSpanWithTicksOnlyWhenNonZero() {
    assertThat(TimeSpanText.of(Duration.ZERO)).isEqualTo("00:00:00");
    assertThat(TimeSpanText.of(Duration.ofMillis(1234))).isEqualTo("00:00:01.2340000");
    assertThat(TimeSpanText.of(Duration.ofNanos(100))).isEqualTo("00:00:00.0000001");
    assertThat(TimeSpanText.of(Duration.ofHours(25).plusMinutes(2).plusSeconds(3)))
        .isEqualTo("1.01:02:03");
  }

  @Test
  void repeatedResponseHeadersAreJoinedWithCommasInFirstSeenOrder() {
    HttpReply reply =
        new HttpReply(
            401,
            "Unauthorized",
            List.of(
                Map.entry("Server", "Microsoft-IIS/8.5"),
                Map.entry("WWW-Authenticate", "Negotiate"),
                Map.entry("WWW-Authenticate", "NTLM"),
                Map.entry("Content-Length", "6305")),
            new byte[0]);

    assertThat(TransactionFailure.headerDiagnosis(reply))
        .isEqualTo(
            "Inner Diagnosis:Server : Microsoft-IIS/8.5\n"
                + "WWW-Authenticate : Negotiate,NTLM\n"
                + "Content-Length : 6305");
  }

  @Test
  void statusTextsUseDotNetsDescriptionsAndFallBackToTheReasonPhrase() {
    assertThat(StatusDescriptions.of(503, "Service Unavailable"))
        .isEqualTo("(503) Server Unavailable");
    assertThat(StatusDescriptions.of(480, "Temporarily Unavailable"))
        .isEqualTo("(480) Temporarily Unavailable");
    assertThat(StatusDescriptions.of(480, "")).isEqualTo("(480)");
  }

  @Test
  void mcxErrorsNameTheUserTheStatusAndTheMcxCode() {
    HttpReply reply =
        new HttpReply(
            403,
            "Forbidden",
            List.of(Map.entry("X-Ms-diagnostics", "1;reason=\"x\"")),
            new byte[0]);

    TransactionFailure failure =
        TransactionFailure.mcxError(
            "sip:kenmyer@litwareinc.com",
            reply,
            Optional.of("MobilityDisabled"),
            Optional.of("Mobility is disabled."));

    assertThat(failure.errorMessage())
        .isEqualTo(
            "Mobility Service returned an error for sip:kenmyer@litwareinc.com.\n"
                + "Inner Exception:The remote server returned an error: (403) Forbidden.");
    assertThat(failure.diagnosis())
        .isEqualTo(
            "Inner Diagnosis:Error Code : MobilityDisabled\n"
                + "Reason : Mobility is disabled.\n"
                + "X-Ms-diagnostics : 1;reason=\"x\"");
  }

  @Test
  void aRefusedConnectionNamesTheAddressItTried() throws Exception {
    var address = new InetSocketAddress(InetAddress.getByName("10.0.0.5"), 443);

    TransactionFailure failure =
        TransactionFailure.transport(
            TransactionFailure.MOBILITY_SERVICE,
            new HttpFailure(HttpFailure.Kind.REFUSED, address, new ConnectException("refused")));

    assertThat(failure.errorMessage())
        .isEqualTo(
            "No response received for Mobility Service.\n"
                + "Inner Exception:Unable to connect to the remote server\n"
                + "Inner Exception:No connection could be made because the target machine actively"
                + " refused it 10.0.0.5:443");
    assertThat(failure.serverAnswered()).isFalse();
  }

  @Test
  void credentialsSplitAtTheFirstColonSoPasswordsMayContainColons() {
    assertThat(UserCredential.parse("SenderCredential", "litwareinc\\kenmyer:a:b"))
        .isEqualTo(new UserCredential("litwareinc", "kenmyer", "a:b"));
    assertThat(UserCredential.parse("SenderCredential", "kenmyer@litwareinc.com:pw"))
        .isEqualTo(new UserCredential("", "kenmyer@litwareinc.com", "pw"));
    assertThat(UserCredential.parse("SenderCredential", "d\\u:secret").toString())
        .doesNotContain("secret");
  }

  @Test
  void aCredentialWithoutPasswordIsAUsageError() {
    assertThatThrownBy(() -> UserCredential.parse("SenderCredential", "litwareinc\\kenmyer"))
        .isInstanceOf(CmdletException.class)
        .hasMessageContaining("'SenderCredential'")
        .hasMessageContaining("has no password");
  }
}
