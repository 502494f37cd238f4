package io.lyncemu.mcx.hostile;

import static io.lyncemu.mcx.hostile.RawHttp.AUTH;
import static io.lyncemu.mcx.hostile.RawHttp.assertNoInternals;
import static io.lyncemu.mcx.hostile.RawHttp.assertStillServing;
import static io.lyncemu.mcx.hostile.RawHttp.connect;
import static io.lyncemu.mcx.hostile.RawHttp.exchange;
import static io.lyncemu.mcx.hostile.RawHttp.ntlmLogon;
import static io.lyncemu.mcx.hostile.RawHttp.soapHeaders;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.lyncemu.mcx.WebFixture;
import io.lyncemu.mcx.WebSamples;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * DTDs, external entities and entity expansion bombs in SOAP bodies, on the UsernameToken port and
 * (after a genuine NTLM logon) on the WinNegotiate port. A local HTTP server stands in for the
 * attacker's host and must never be contacted.
 */
class HostileXmlTest {
  private static final String XML_DECL = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";

  @TempDir Path state;
  private WebFixture web;
  private HttpServer attacker;
  private final AtomicInteger attackerHits = new AtomicInteger();

  @BeforeEach
  void start() throws IOException {
    web = new WebFixture(state);
    attacker = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    attacker.createContext(
        "/",
        exchange -> {
          attackerHits.incrementAndGet();
          byte[] body = "<x>leaked</x>".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    attacker.start();
  }

  @AfterEach
  void stop() {
    attacker.stop(0);
    web.close();
  }

  private String attackerUrl(String path) {
    return "http://127.0.0.1:" + attacker.getAddress().getPort() + path;
  }

  /** The UsernameToken RST with a DOCTYPE inserted and {@code entity} used as the user name. */
  private static String withDoctype(String doctype, String usernameText) {
    String rst = WebSamples.usernameTokenRst("LITWAREINC\\kenmyer", "Ken!Lync2013");
    rst = rst.replace(XML_DECL, XML_DECL + doctype + "\n");
    return rst.replaceFirst(
        "<o:Username>[^<]*</o:Username>", "<o:Username>" + usernameText + "</o:Username>");
  }

  private RawHttp.Reply postToAuth(String body) throws IOException {
    try (Socket socket = connect(web.httpPort())) {
      return exchange(socket, "POST", AUTH, soapHeaders(), body);
    }
  }

  private static void assertRefused(RawHttp.Reply reply) {
    assertThat(reply.status()).isIn(400, 500);
    if (reply.status() == 500) {
      assertThat(reply.body()).contains("Fault");
    }
    assertThat(reply.body())
        .doesNotContain("RequestSecurityTokenResponse")
        .doesNotContain("leaked");
    assertNoInternals(reply);
  }

  @Test
  void aSoapBodyWithAnInternalDtdIsRefused() throws IOException {
    RawHttp.Reply reply =
        postToAuth(
            withDoctype(
                "<!DOCTYPE s:Envelope [<!ELEMENT s:Envelope ANY><!ENTITY who \"TElUV0FSRUlOQ1xrZW5teWVy\">]>",
                "&who;"));

    assertRefused(reply);
    assertStillServing(web);
  }

  @Test
  void anExternalEntityIsRefusedAndNeverFetched() throws IOException {
    RawHttp.Reply reply =
        postToAuth(
            withDoctype(
                "<!DOCTYPE s:Envelope [<!ENTITY xxe SYSTEM \"" + attackerUrl("/xxe") + "\">]>",
                "&xxe;"));

    assertRefused(reply);
    assertStillServing(web);
    assertThat(attackerHits).hasValue(0);
  }

  @Test
  void anExternalParameterEntityAndExternalDtdAreNeverFetched() throws IOException {
    RawHttp.Reply parameter =
        postToAuth(
            withDoctype(
                "<!DOCTYPE s:Envelope [<!ENTITY % remote SYSTEM \""
                    + attackerUrl("/pe")
                    + "\"> %remote;]>",
                "TElUV0FSRUlOQ1xrZW5teWVy"));
    RawHttp.Reply externalDtd =
        postToAuth(
            withDoctype(
                "<!DOCTYPE s:Envelope SYSTEM \"" + attackerUrl("/dtd") + "\">",
                "TElUV0FSRUlOQ1xrZW5teWVy"));

    assertRefused(parameter);
    assertRefused(externalDtd);
    assertStillServing(web);
    assertThat(attackerHits).hasValue(0);
  }

  @Test
  void anExternalEntityAfterAGenuineNtlmLogonIsRefusedAndNeverFetched() throws IOException {
    String rst =
        WebSamples.RST
            .replace(
                XML_DECL,
                XML_DECL
                    + "<!DOCTYPE s:Envelope [<!ENTITY xxe SYSTEM \""
                    + attackerUrl("/ntlm")
                    + "\">]>\n")
            .replace("peer-1", "&xxe;");

    RawHttp.Reply reply = ntlmLogon(web.httpPort(), "Ken!Lync2013", rst);

    assertRefused(reply);
    assertStillServing(web);
    assertThat(attackerHits).hasValue(0);
  }

  @Test
  @Timeout(30)
  void billionLaughsIsRefusedQuickly() throws IOException {
    StringBuilder dtd = new StringBuilder("<!DOCTYPE s:Envelope [<!ENTITY lol0 \"lol\">");
    for (int i = 1; i <= 10; i++) {
      dtd.append("<!ENTITY lol").append(i).append(" \"");
      dtd.append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
    }
    dtd.append("]>");

    RawHttp.Reply reply = postToAuth(withDoctype(dtd.toString(), "&lol10;"));

    assertRefused(reply);
    assertStillServing(web);
  }
}
