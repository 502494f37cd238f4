package io.lyncemu.mcx.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class SafeXmlTest {
  private HttpServer server;
  private final AtomicInteger hits = new AtomicInteger();
  private String baseUrl;

  @BeforeEach
  void startTrap() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          hits.incrementAndGet();
          byte[] body = "<!ENTITY leaked \"secret\">".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stopTrap() {
    server.stop(0);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static XmlRejectedException.Reason reasonFor(String xml) {
    try {
      SafeXml.parse(utf8(xml), SafeXml.DEFAULT_MAX_BYTES);
    } catch (XmlRejectedException e) {
      return e.reason();
    }
    throw new AssertionError("document was accepted: " + xml);
  }

  @Test
  void parsesAWellFormedDocumentNamespaceAware() {
    Document doc =
        SafeXml.parse(utf8("<?xml version=\"1.0\"?><a:x xmlns:a=\"urn:a\"><y/></a:x>"), 1000);

    assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("x");
    assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo("urn:a");
  }

  @Test
  void refusesAnyDoctypeDeclaration() {
    assertThat(reasonFor("<!DOCTYPE x><x/>"))
        .isEqualTo(XmlRejectedException.Reason.DOCTYPE_FORBIDDEN);
  }

  @Test
  void neverFetchesAnExternalEntityOrDtd() {
    String entity = "<!DOCTYPE x [<!ENTITY e SYSTEM \"" + baseUrl + "/entity\">]><x>&e;</x>";
    String parameterEntity =
        "<!DOCTYPE x [<!ENTITY % p SYSTEM \"" + baseUrl + "/param\"> %p;]><x/>";
    String externalDtd = "<!DOCTYPE x SYSTEM \"" + baseUrl + "/dtd\"><x/>";

    assertThat(reasonFor(entity)).isEqualTo(XmlRejectedException.Reason.DOCTYPE_FORBIDDEN);
    assertThat(reasonFor(parameterEntity)).isEqualTo(XmlRejectedException.Reason.DOCTYPE_FORBIDDEN);
    assertThat(reasonFor(externalDtd)).isEqualTo(XmlRejectedException.Reason.DOCTYPE_FORBIDDEN);
    assertThat(hits).hasValue(0);
  }

  @Test
  void leavesXIncludeElementsUnprocessed() {
    String xml =
        "<x xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include href=\""
            + baseUrl
            + "/inc\" parse=\"text\"/></x>";

    Document doc = SafeXml.parse(utf8(xml), 1000);

    assertThat(doc.getDocumentElement().getFirstChild().getLocalName()).isEqualTo("include");
    assertThat(hits).hasValue(0);
  }

  @Test
  void rejectsBillionLaughsQuickly() {
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [");
    sb.append("<!ENTITY lol \"lol\">");
    for (int i = 1; i <= 9; i++) {
      sb.append("<!ENTITY lol").append(i).append(" \"");
      for (int j = 0; j < 10; j++) {
        sb.append("&lol").append(i == 1 ? "" : String.valueOf(i - 1)).append(';');
      }
      sb.append("\">");
    }
    sb.append("]><lolz>&lol9;</lolz>");

    XmlRejectedException.Reason reason =
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> reasonFor(sb.toString()));

    assertThat(reason).isEqualTo(XmlRejectedException.Reason.DOCTYPE_FORBIDDEN);
  }

  @Test
  void rejectsTruncatedAndMalformedDocuments() {
    assertThat(reasonFor("<s:Envelope xmlns:s=\"urn:s\"><s:Body>"))
        .isEqualTo(XmlRejectedException.Reason.MALFORMED);
    assertThat(reasonFor("<a><b></a></b>")).isEqualTo(XmlRejectedException.Reason.MALFORMED);
    assertThat(reasonFor("not xml at all")).isEqualTo(XmlRejectedException.Reason.MALFORMED);
    assertThat(reasonFor("<p:x/>")).isEqualTo(XmlRejectedException.Reason.MALFORMED);
  }

  @Test
  void rejectsEmptyAndWhitespaceOnlyBodies() {
    assertThat(reasonFor("")).isEqualTo(XmlRejectedException.Reason.EMPTY);
    assertThat(reasonFor(" \r\n\t")).isEqualTo(XmlRejectedException.Reason.EMPTY);
  }

  @Test
  void rejectsBodiesOverTheLimitWithoutReadingTheWholeStream() throws Exception {
    byte[] big = utf8("<x>" + "a".repeat(5000) + "</x>");
    ByteArrayInputStream in = new ByteArrayInputStream(big);

    assertThatThrownBy(() -> SafeXml.parse(in, 100))
        .isInstanceOfSatisfying(
            XmlRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(XmlRejectedException.Reason.TOO_LARGE));
    assertThat(in.available()).isEqualTo(big.length - 101);
  }

  @Test
  void givesAFaultReadyMessageWithoutParserInternals() {
    assertThatThrownBy(() -> SafeXml.parse(utf8("<a><b></a>"), 1000))
        .isInstanceOf(io.lyncemu.core.EmulatorException.class)
        .hasMessage("The request body is not well-formed XML.")
        .hasCauseInstanceOf(org.xml.sax.SAXParseException.class);
  }

  @Test
  void serializesWithoutIndentationUnlessAsked() {
    Document doc = SafeXml.parse(utf8("<x><y>1</y></x>"), 1000);

    assertThat(SafeXml.serialize(doc, false)).isEqualTo("<x><y>1</y></x>");
    assertThat(SafeXml.serialize(doc, true)).startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"");
  }
}
