package io.lyncemu.it;

import static io.lyncemu.core.journal.EventKind.AUTH_CHALLENGE;
import static io.lyncemu.core.journal.EventKind.AUTH_SUCCEEDED;
import static io.lyncemu.core.journal.EventKind.IM_DELIVERED;
import static io.lyncemu.core.journal.EventKind.SESSION_CREATED;
import static io.lyncemu.core.journal.EventKind.SESSION_ENDED;
import static io.lyncemu.core.journal.EventKind.TICKET_ISSUED;
import static io.lyncemu.testkit.journal.JournalAssert.assertThatJournal;
import static org.assertj.core.api.Assertions.assertThat;

import io.lyncemu.app.LyncEmulator;
import io.lyncemu.core.journal.JournalQuery;
import io.lyncemu.core.management.CmdletOutput;
import io.lyncemu.core.management.PowerShellFormatter;
import io.lyncemu.junit.LyncEmulatorTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The story of the foundation issue: two mobile users sign in and exchange an IM through the
 * Mobility Service.
 */
@LyncEmulatorTest
class MobileSignInIT {
  static final String TEST_CS_MCX_P2P_IM =
      "Test-CsMcxP2PIM -TargetFqdn atl-cs-001.litwareinc.com -Authentication Negotiate"
          + " -SenderSipAddress sip:kenmyer@litwareinc.com -SenderCredential 'litwareinc\\kenmyer:Ken!Lync2013'"
          + " -ReceiverSipAddress sip:packerman@litwareinc.com -ReceiverCredential 'litwareinc\\pilar:Pilar!Lync2013'";

  @Test
  void testCsMcxP2pImReportsSuccessAfterARealNtlmSignInAndADeliveredMessage(LyncEmulator lync) {
    long before = lync.journal().lastSequence();

    CmdletOutput output = lync.invoke(TEST_CS_MCX_P2P_IM);

    String text = PowerShellFormatter.formatList(output.objects());
    assertThat(text)
        .contains("Target Fqdn   : atl-cs-001.litwareinc.com")
        .containsPattern("Target Uri    : https://atl-cs-001\\.litwareinc\\.com:\\d+/mcx")
        .contains("Result        : Success")
        .containsPattern("Latency       : \\d\\d:\\d\\d:\\d\\d")
        .contains("Error Message :\n")
        .endsWith("Diagnosis     :\n");
    assertThat(output.succeeded()).isTrue();
    assertThat(lync.journal().query(JournalQuery.kind(AUTH_SUCCEEDED).after(before)))
        .extracting(e -> e.attribute("user"))
        .contains("sip:kenmyer@litwareinc.com", "sip:packerman@litwareinc.com");
    assertThatJournal(lync.journal())
        .containsInOrder(
            AUTH_CHALLENGE,
            AUTH_SUCCEEDED,
            TICKET_ISSUED,
            SESSION_CREATED,
            IM_DELIVERED,
            SESSION_ENDED);
  }

  @Test
  void autodiscoverSendsAMobileClientToTheWebTicketService(LyncEmulator lync) throws Exception {
    int port = lync.endpoints().get("web-http").getPort();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    HttpResponse<String> root =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:"
                            + port
                            + "/autodiscover/autodiscoverservice.svc/root?sipuri=kenmyer@litwareinc.com"))
                .header("Accept", "application/vnd.microsoft.rtc.autodiscover+xml;v=1")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> user =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:"
                            + port
                            + "/autodiscover/autodiscoverservice.svc/root/user?sipuri=kenmyer@litwareinc.com"))
                .header("Accept", "application/vnd.microsoft.rtc.autodiscover+xml;v=1")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(root.statusCode()).isEqualTo(200);
    assertThat(root.body()).contains("AutodiscoverResponse").contains("token=\"User\"");
    assertThat(user.statusCode()).isEqualTo(401);
    assertThat(user.headers().firstValue("X-MS-WebTicketURL"))
        .hasValueSatisfying(url -> assertThat(url).endsWith("/WebTicket/WebTicketService.svc"));
  }
}
