package io.lyncemu.mcx.routes;

import static io.lyncemu.mcx.Litwareinc.KEN;
import static io.lyncemu.mcx.Litwareinc.PILAR;
import static io.lyncemu.mcx.jetty.LocalWeb.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.lyncemu.core.fault.Fault;
import io.lyncemu.core.fault.FaultRule;
import io.lyncemu.core.fault.FaultTarget;
import io.lyncemu.core.journal.EventKind;
import io.lyncemu.core.journal.JournalQuery;
import io.lyncemu.mcx.jetty.LocalWeb;
import io.lyncemu.mcx.xml.SafeXml;
import java.time.Duration;
import java.util.List;
import org.eclipse.jetty.http.HttpTester;
import org.eclipse.jetty.server.LocalConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class McxRouteTest {
  private static final String NS = " xmlns=\"urn:lyncemu:mcx:1\"";

  private final LocalWeb web = new LocalWeb();

  @AfterEach
  void stop() {
    web.close();
  }

  private String post(String ticketHeader, String xml) {
    return request(
        "POST",
        "/Mcx/McxService.svc",
        "Host: atl-cs-001.litwareinc.com\r\n"
            + "Content-Type: application/vnd.lyncemu.mcx+xml; charset=utf-8\r\n"
            + ticketHeader,
        xml);
  }

  private String samlHeader(String user) {
    return "X-MS-WebTicket: " + web.samlTicket(user).opaqueHeaderValue() + "\r\n";
  }

  private static Element answer(HttpTester.Response response) {
    return SafeXml.parse(response.getContentBytes(), 64 * 1024).getDocumentElement();
  }

  private static Element child(Element root, String name) {
    return (Element) root.getElementsByTagNameNS("urn:lyncemu:mcx:1", name).item(0);
  }

  private String createSession(String user, String device) {
    HttpTester.Response response =
        web.exchange(
            post(
                samlHeader(user),
                "<createSession" + NS + " deviceType='" + device + "' userAgent='test'/>"));
    assertThat(response.getStatus()).isEqualTo(200);
    return child(answer(response), "session").getAttribute("id");
  }

  @Test
  void withoutAWebTicketThePostIsChallengedWithTheWebTicketUrl() {
    HttpTester.Response response =
        web.exchange(post("", "<createSession" + NS + " deviceType='iPhone' userAgent='x'/>"));

    assertThat(response.getStatus()).isEqualTo(401);
    assertThat(response.get("X-MS-WebTicketURL"))
        .isEqualTo("http://atl-cs-001.litwareinc.com/WebTicket/WebTicketService.svc");
    assertThat(response.get("X-Ms-diagnostics"))
        .isEqualTo(
            "28020;source=\"atl-cs-001.litwareinc.com\";reason=\"No valid security token.\"");
    assertThat(response.get("Server")).isEqualTo("Microsoft-IIS/8.5");
    assertThat(response.get("X-Powered-By")).isEqualTo("ASP.NET");
    assertThat(web.mobility.size()).isZero();
  }

  @Test
  void aTicketedCreateSessionAnswersTheSession() {
    HttpTester.Response response =
        web.exchange(
            post(samlHeader(KEN), "<createSession" + NS + " deviceType='Android' userAgent='x'/>"));

    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.get("Content-Type")).startsWith("application/vnd.lyncemu.mcx+xml");
    Element session = child(answer(response), "session");
    assertThat(session.getAttribute("sipUri")).isEqualTo(KEN);
    assertThat(session.getAttribute("expirationInterval")).isEqualTo("3600");
    assertThat(web.lab.journal.query(JournalQuery.kind(EventKind.HTTP_EXCHANGE).component("mcx")))
        .singleElement()
        .satisfies(e -> assertThat(e.attribute("operation")).isEqualTo("createSession"));
  }

  @Test
  void aBearerTokenIsAcceptedToo() {
    String bearer = "Authorization: Bearer " + web.oauthToken(PILAR).cwt() + "\r\n";

    HttpTester.Response response =
        web.exchange(post(bearer, "<createSession" + NS + " deviceType='iPad' userAgent='x'/>"));

    assertThat(response.getStatus()).isEqualTo(200);
  }

  @Test
  void aRefusalCarriesTheErrorElementStatusAndDiagnostics() {
    web.lab.deployment.update("disable", t -> t.withUser(KEN, u -> u.withEnabled(false)));

    HttpTester.Response response =
        web.exchange(
            post(samlHeader(KEN), "<createSession" + NS + " deviceType='iPhone' userAgent='x'/>"));

    assertThat(response.getStatus()).isEqualTo(403);
    Element root = answer(response);
    assertThat(root.getAttribute("status")).isEqualTo("403");
    assertThat(child(root, "error").getAttribute("code")).isEqualTo("UserDisabled");
    assertThat(response.get("X-Ms-diagnostics"))
        .startsWith("52002;source=\"atl-cs-001.litwareinc.com\";reason=\"The user is not enabled");
  }

  @Test
  void aDoctypeIsABadRequestAndNothingIsFetched() {
    HttpTester.Response response =
        web.exchange(
            post(
                samlHeader(KEN),
                "<!DOCTYPE x [<!ENTITY e SYSTEM 'http://example.invalid/'>]>"
                    + "<endSession"
                    + NS
                    + " session='&e;'/>"));

    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(child(answer(response), "error").getAttribute("code")).isEqualTo("BadRequest");
    assertThat(response.get("X-Ms-diagnostics")).isNull();
  }

  @Test
  void anUnknownOperationIsABadRequest() {
    HttpTester.Response response = web.exchange(post(samlHeader(KEN), "<launchRocket" + NS + "/>"));

    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(child(answer(response), "error").getAttribute("reason"))
        .isEqualTo("Unknown operation <launchRocket>.");
  }

  @Test
  void aHeldGetEventsIsAnsweredWhenAMessageArrives() {
    String ken = createSession(KEN, "iPhone");
    String pilar = createSession(PILAR, "iPhone");
    LocalConnector.LocalEndPoint held =
        web.send(
            post(
                samlHeader(PILAR),
                "<getEvents" + NS + " session='" + pilar + "' ack='0' timeoutSeconds='60'/>"));

    HttpTester.Response sent =
        web.exchange(
            post(
                samlHeader(KEN),
                "<sendMessage"
                    + NS
                    + " session='"
                    + ken
                    + "' to='"
                    + PILAR
                    + "'>Hi Pilar</sendMessage>"));

    assertThat(sent.getStatus()).isEqualTo(200);
    HttpTester.Response events = LocalWeb.answer(held);
    assertThat(events.getStatus()).isEqualTo(200);
    Element message = child(answer(events), "message");
    assertThat(message.getAttribute("from")).isEqualTo(KEN);
    assertThat(message.getTextContent()).isEqualTo("Hi Pilar");
  }

  @Test
  void aClockJumpAtTheSendStepExpiresTheSessionWith410() {
    String ken = createSession(KEN, "iPhone");
    createSession(PILAR, "iPhone");
    web.faults.add(
        new FaultRule(
            "jump",
            FaultTarget.step("mcx.im.send"),
            new Fault.AdvanceClock(Duration.ofHours(73)),
            null));

    HttpTester.Response response =
        web.exchange(
            post(
                samlHeader(KEN),
                "<sendMessage"
                    + NS
                    + " session='"
                    + ken
                    + "' to='"
                    + PILAR
                    + "'>late</sendMessage>"));

    assertThat(response.getStatus()).isEqualTo(410);
    assertThat(child(answer(response), "error").getAttribute("code")).isEqualTo("SessionExpired");
  }

  @Test
  void anInjected503BecomesServiceUnavailable() {
    web.faults.add(
        new FaultRule(
            "down",
            FaultTarget.step("mcx.session.create"),
            new Fault.RespondWith(503, List.of(), ""),
            null));

    HttpTester.Response response =
        web.exchange(
            post(samlHeader(KEN), "<createSession" + NS + " deviceType='iPhone' userAgent='x'/>"));

    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(child(answer(response), "error").getAttribute("code"))
        .isEqualTo("ServiceUnavailable");
  }

  @Test
  void getServesTheServicePageAndMexTheWsdl() {
    HttpTester.Response page =
        web.exchange("GET /mcx/mcxservice.svc HTTP/1.1\r\nHost: atl-cs-001.litwareinc.com\r\n\r\n");
    HttpTester.Response mex =
        web.exchange(
            "GET /Mcx/McxService.svc/mex HTTP/1.1\r\nHost: atl-cs-001.litwareinc.com\r\n\r\n");

    assertThat(page.getStatus()).isEqualTo(200);
    assertThat(page.get("Content-Type")).startsWith("text/html");
    assertThat(page.getContent()).contains("McxService");
    assertThat(mex.getStatus()).isEqualTo(200);
    assertThat(mex.getContent()).contains("wsdl:definitions");
  }

  @Test
  void anUnsupportedContentTypeIs415() {
    HttpTester.Response response =
        web.exchange(
            request(
                "POST",
                "/Mcx/McxService.svc",
                "Host: atl-cs-001.litwareinc.com\r\nContent-Type: application/json\r\n"
                    + samlHeader(KEN),
                "{}"));

    assertThat(response.getStatus()).isEqualTo(415);
  }
}
