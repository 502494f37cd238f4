package io.lyncemu.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.lyncemu.app.LyncEmulator;
import io.lyncemu.core.management.CmdletOutput;
import io.lyncemu.core.management.PowerShellFormatter;
import io.lyncemu.junit.LyncEmulatorTest;
import org.junit.jupiter.api.Test;

/**
 * The documented failure of Test-CsMcxP2PIM, started the way a QA engineer would: with the
 * scenario.
 */
@LyncEmulatorTest(scenario = "webticket-ntlm-401")
class SeedFailureIT {

  @Test
  void printsTheDocumentedWebTicketFailure(LyncEmulator lync) {
    CmdletOutput output = lync.invoke(MobileSignInIT.TEST_CS_MCX_P2P_IM);

    String text = PowerShellFormatter.formatList(output.objects());
    assertThat(output.succeeded()).isFalse();
    assertThat(text)
        .contains(
            """
        Result        : Failure
        Latency       : 00:00:00
        Error Message : No response received for Web-Ticket service.
                        Inner Exception:The HTTP request is unauthorized with client negotiation scheme 'Ntlm'. The authentication header received from the server was 'Negotiate,NTLM'.
                        Inner Exception:The remote server returned an error: (401) Unauthorized.
        Diagnosis     : Inner Diagnosis:X-MS-Server-Fqdn : atl-cs-001.litwareinc.com
                        Cache-Control : private
                        Content-Type : text/html; charset=utf-8
                        Server : Microsoft-IIS/8.5
                        WWW-Authenticate : Negotiate,NTLM
                        X-Powered-By : ASP.NET
                        X-Content-Type-Options : nosniff
                        Date :""");
    assertThat(text).containsPattern("Content-Length : \\d+");
  }
}
