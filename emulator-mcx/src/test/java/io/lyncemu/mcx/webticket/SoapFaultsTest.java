package io.lyncemu.mcx.webticket;

import static org.assertj.core.api.Assertions.assertThat;

import io.lyncemu.mcx.xml.SafeXml;
import io.lyncemu.mcx.xml.XmlRejectedException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class SoapFaultsTest {
  private static final String DIAG =
      "/s:Envelope/s:Body/s:Fault/detail/af:OCSDiagnosticsFaultType/af:Ms-Diagnostics-Fault";

  @Test
  void reportsNoValidSecurityTokenWithErrorId28020() {
    SoapFaults.SoapFault fault = SoapFaults.noValidSecurityToken();
    Document doc = Fixtures.parse(fault.xml());

    assertThat(Fixtures.text(doc, "/s:Envelope/s:Body/s:Fault/faultcode")).isEqualTo("s:Client");
    assertThat(Fixtures.text(doc, "/s:Envelope/s:Body/s:Fault/faultstring"))
        .isEqualTo("No valid security token.");
    assertThat(Fixtures.text(doc, DIAG + "/af:ErrorId")).isEqualTo("28020");
    assertThat(Fixtures.text(doc, DIAG + "/af:Reason")).isEqualTo("No valid security token.");
    assertThat(SoapFaults.SoapFault.HTTP_STATUS).isEqualTo(500);
  }

  @Test
  void saysAccountIsDisabledSoSprayToolsCanTellDisabledUsers() {
    assertThat(SoapFaults.accountDisabled().xml()).contains("account is disabled");
  }

  @Test
  void mapsXmlRejectionsToMalformedOrDtdFaults() {
    XmlRejectedException dtd = rejection("<!DOCTYPE x><x/>");
    XmlRejectedException malformed = rejection("<x>");

    assertThat(SoapFaults.forRejectedXml(dtd).errorId()).isEqualTo(SoapFaults.DTD_FORBIDDEN_ID);
    assertThat(SoapFaults.forRejectedXml(dtd).xml()).contains("DTD");
    assertThat(SoapFaults.forRejectedXml(malformed).errorId())
        .isEqualTo(SoapFaults.MALFORMED_REQUEST_ID);
    assertThat(SoapFaults.malformedRequest("The SOAP envelope has no Body.").xml())
        .contains("The request is malformed.")
        .contains("The SOAP envelope has no Body.");
  }

  @Test
  void escapesCallerTextInsideTheFaultBody() {
    Document doc = Fixtures.parse(SoapFaults.malformedRequest("<b>&\"</b>").xml());

    assertThat(Fixtures.text(doc, DIAG + "/af:Reason")).isEqualTo("<b>&\"</b>");
  }

  @Test
  void buildsTheXMsDiagnosticsHeaderValue() {
    assertThat(
            SoapFaults.diagnosticsHeader(
                28020, "atl-cs-001.litwareinc.com", "No valid security token.", Optional.empty()))
        .isEqualTo(
            "28020;source=\"atl-cs-001.litwareinc.com\";reason=\"No valid security token.\"");
    assertThat(
            SoapFaults.diagnosticsHeader(
                28029,
                "fe",
                "Authentication type not allowed.",
                Optional.of("wst:FailedAuthentication")))
        .endsWith(";fault=\"wst:FailedAuthentication\"");
    assertThat(SoapFaults.noValidSecurityToken().diagnosticsHeader("fe")).startsWith("28020;");
  }

  @Test
  void keepsTheDiagnosticsHeaderOnOneSafeLine() {
    String value =
        SoapFaults.diagnosticsHeader(
            1, "fe", "bad \"quote\" \\ and\r\nX-Evil: 1", Optional.empty());

    assertThat(value).doesNotContain("\r").doesNotContain("\n");
    assertThat(value).contains("reason=\"bad \\\"quote\\\" \\\\ andX-Evil: 1\"");
  }

  private static XmlRejectedException rejection(String xml) {
    try {
      SafeXml.parse(xml, 1000);
    } catch (XmlRejectedException e) {
      return e;
    }
    throw new AssertionError("accepted");
  }
}
