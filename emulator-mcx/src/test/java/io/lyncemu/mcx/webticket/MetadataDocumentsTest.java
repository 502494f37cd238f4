package io.lyncemu.mcx.webticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class MetadataDocumentsTest {
  private final MetadataDocuments mex =
      new MetadataDocuments(
          URI.create("https://atl-cs-001.litwareinc.com/"), "atl-cs-001.litwareinc.com", false);

  private static String location(Document doc, String port) {
    return Fixtures.text(
        doc,
        "/wsdl:definitions/wsdl:service/wsdl:port[@name='" + port + "']/soap:address/@location");
  }

  @Test
  void letsSipeFindTheWinNegotiatePortLocation() {
    Document doc = Fixtures.parse(mex.webTicketService());

    assertThat(Fixtures.text(doc, "/wsdl:definitions/wsdl:service/@name"))
        .isEqualTo("WebTicketService");
    assertThat(location(doc, "WebTicketServiceWinNegotiate"))
        .isEqualTo("https://atl-cs-001.litwareinc.com/WebTicket/WebTicketService.svc");
    assertThat(location(doc, "WebTicketServiceAuth"))
        .isEqualTo("https://atl-cs-001.litwareinc.com/WebTicket/WebTicketService.svc/Auth");
    assertThat(Fixtures.count(doc, "//wsdl:port[@name='WsFedBearer']")).isZero();
  }

  @Test
  void givesEveryPortAPolicyBindingAndTheOAuthHint() {
    Document doc = Fixtures.parse(mex.webTicketService());

    for (String port : new String[] {"WebTicketServiceWinNegotiate", "WebTicketServiceAuth"}) {
      String policy = "/wsdl:definitions/wsp:Policy[@wsu:Id='" + port + "_policy']";
      assertThat(Fixtures.count(doc, policy)).isEqualTo(1);
      assertThat(
              Fixtures.text(doc, policy + "/wsp:ExactlyOne/wsp:All/af:OAuth/@af:authorizationUri"))
          .isEqualTo("https://atl-cs-001.litwareinc.com/WebTicket/oauthtoken");
      assertThat(
              Fixtures.text(
                  doc,
                  "/wsdl:definitions/wsdl:binding[@name='" + port + "']/wsp:PolicyReference/@URI"))
          .isEqualTo("#" + port + "_policy");
    }
    assertThat(
            Fixtures.text(
                doc,
                "/wsdl:definitions/wsdl:portType[@name='IWebTicketService']"
                    + "/wsdl:operation[@name='IssueToken']/wsdl:input/@wsaw:Action"))
        .isEqualTo(WsNames.ACTION_RST_ISSUE);
    assertThat(
            Fixtures.text(
                doc, "/wsdl:definitions/wsdl:portType/wsdl:operation/wsdl:output/@wsaw:Action"))
        .isEqualTo(WsNames.ACTION_RSTRC_ISSUE_FINAL);
  }

  @Test
  void listsTheWsFedBearerPortOnlyWhenAsked() {
    MetadataDocuments withBearer =
        new MetadataDocuments(
            URI.create("https://atl-cs-001.litwareinc.com"), "atl-cs-001.litwareinc.com", true);

    Document doc = Fixtures.parse(withBearer.webTicketService());

    assertThat(location(doc, "WsFedBearer"))
        .isEqualTo("https://atl-cs-001.litwareinc.com/WebTicket/WebTicketService.svc/WsFed_bearer");
    assertThat(Fixtures.count(doc, "/wsdl:definitions/wsp:Policy[@wsu:Id='WsFedBearer_policy']"))
        .isEqualTo(1);
  }

  @Test
  void pointsMcxClientsAtTheWebTicketServiceThroughTheIssuerPolicy() {
    String xml = mex.mcxService();
    Document doc = Fixtures.parse(xml);

    String issuerAddress =
        Fixtures.text(
            doc,
            "/wsdl:definitions/wsp:Policy[@wsu:Id='McxServiceWebTicketBearer_policy']"
                + "/wsp:ExactlyOne/wsp:All/sp:EndorsingSupportingTokens/wsp:Policy/sp:IssuedToken"
                + "/sp:Issuer/wsa:Address");
    assertThat(issuerAddress).isEqualTo(mex.webTicketServiceUrl());
    assertThat(location(doc, "McxServiceWebTicketBearer"))
        .isEqualTo("https://atl-cs-001.litwareinc.com/Mcx/McxService.svc/WebTicket_Bearer");
    assertThat(xml).contains("<!--").contains("Emulator-defined");
  }
}
