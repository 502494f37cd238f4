package io.lyncemu.mcx.webticket;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WcfServicePageTest {
  @Test
  void namesTheServiceAndWhereItsMetadataIs() {
    String html =
        WcfServicePage.html(
            "WebTicketService", "https://atl-cs-001.litwareinc.com/WebTicket/WebTicketService.svc");

    assertThat(html)
        .contains("<title>WebTicketService Service</title>")
        .contains("up and answering")
        .contains("https://atl-cs-001.litwareinc.com/WebTicket/WebTicketService.svc?wsdl")
        .contains("https://atl-cs-001.litwareinc.com/WebTicket/WebTicketService.svc/mex");
  }

  @Test
  void escapesTheServiceNameAndUrl() {
    assertThat(WcfServicePage.html("<script>", "https://x/\"><img>"))
        .doesNotContain("<script>")
        .doesNotContain("\"><img>")
        .contains("&lt;script&gt;");
  }
}
