package io.lyncemu.mcx.hostile;

import static io.lyncemu.mcx.hostile.RawHttp.AUTH;
import static io.lyncemu.mcx.hostile.RawHttp.assertNoInternals;
import static io.lyncemu.mcx.hostile.RawHttp.assertStillServing;
import static io.lyncemu.mcx.hostile.RawHttp.connect;
import static org.assertj.core.api.Assertions.assertThat;

import io.lyncemu.mcx.WebFixture;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Stalling clients, bytes that are not HTTP, and plain text sent to the TLS port. */
class HostileTransportTest {
  /** More stalled uploads than the server has request threads (64). */
  private static final int STALLED_CLIENTS = 80;

  @TempDir Path state;
  private WebFixture web;
  private final List<Socket> opened = new ArrayList<>();

  @BeforeEach
  void start() {
    web = new WebFixture(state);
  }

  @AfterEach
  void stop() {
    for (Socket socket : opened) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // Already closed by the server.
      }
    }
    web.close();
  }

  /** Sends headers promising 1000 bytes of SOAP, then only the first 10, and stops. */
  private Socket stallMidBody() throws IOException {
    Socket socket = connect(web.httpPort());
    opened.add(socket);
    socket.setSoTimeout(500);
    OutputStream out = socket.getOutputStream();
    out.write(
        ("POST "
                + AUTH
                + " HTTP/1.1\r\nHost: atl-cs-001.litwareinc.com\r\n"
                + "Content-Type: text/xml; charset=utf-8\r\nContent-Length: 1000\r\n\r\n"
                + "<?xml vers")
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return socket;
  }

  @Test
  @Timeout(30)
  void aClientStallingMidBodyGetsNoAnswerWhileOthersAreServed() throws IOException {
    Socket stalled = stallMidBody();

    assertStillServing(web);
    assertStillServing(web);
    int read;
    try {
      read = stalled.getInputStream().read();
    } catch (SocketTimeoutException stillWaiting) {
      read = -2;
    }
    assertThat(read).as("the server waits for the rest of the body").isEqualTo(-2);
  }

  @Test
  @Timeout(60)
  void moreStalledUploadsThanRequestThreadsDoNotStarveOtherClients() throws IOException {
    for (int i = 0; i < STALLED_CLIENTS; i++) {
      stallMidBody();
    }

    assertStillServing(web);
  }

  @Test
  @Timeout(30)
  void garbageInsteadOfAnHttpRequestGetsA400OrAClose() throws IOException {
    byte[] garbage = new byte[2048];
    new SplittableRandom(42).nextBytes(garbage);
    try (Socket socket = connect(web.httpPort())) {
      socket.getOutputStream().write(garbage);
      socket.getOutputStream().write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();

      String answer = readUntilClose(socket.getInputStream());

      assertThat(answer)
          .satisfiesAnyOf(
              a -> assertThat(a).isEmpty(), a -> assertThat(a).startsWith("HTTP/1.1 400"));
      assertThat(answer).doesNotContain("Exception").doesNotContainIgnoringCase("jetty");
    }
    assertStillServing(web);
  }

  @Test
  @Timeout(30)
  void anHttpRequestLineWithAnAbsurdMethodAndVersionIsRefused() throws IOException {
    try (Socket socket = connect(web.httpPort())) {
      socket
          .getOutputStream()
          .write(
              ("GIMME /WebTicket/WebTicketService.svc HTTP/7.3\r\nHost: x\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();

      String answer = readUntilClose(socket.getInputStream());

      assertThat(answer).startsWith("HTTP/1.1 505");
      assertHttpSysPage(answer);
    }
    assertStillServing(web);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // Content-Length and chunked together: the classic request-smuggling ambiguity.
        "POST /WebTicket/WebTicketService.svc/Auth HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n"
            + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
        "GET /WebTicket/WebTicketService.svc HTTP/1.1\r\n\r\n",
        "GET /WebTicket/WebTicketService.svc HTTP/1.1\r\nHost: a\r\nBad Header\r\n\r\n",
      })
  @Timeout(30)
  void requestsJettyRefusesItselfGetTheHttpSysPage(String request) throws IOException {
    try (Socket socket = connect(web.httpPort())) {
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();

      String answer = readUntilClose(socket.getInputStream());

      assertThat(answer).startsWith("HTTP/1.1 400");
      assertHttpSysPage(answer);
    }
    assertStillServing(web);
  }

  @Test
  @Timeout(30)
  void headersLargerThanTheServerAcceptsGetTheHttpSysPage() throws IOException {
    try (Socket socket = connect(web.httpPort())) {
      socket
          .getOutputStream()
          .write(
              ("GET /WebTicket/WebTicketService.svc HTTP/1.1\r\nHost: a\r\nX-Big: "
                      + "a".repeat(64 * 1024)
                      + "\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();

      String answer = readUntilClose(socket.getInputStream());

      assertThat(answer).matches("(?s)HTTP/1.1 4(00|31) .*");
      assertHttpSysPage(answer);
    }
    assertStillServing(web);
  }

  /** What Windows' HTTP driver answers with, and nothing that would give Jetty away. */
  private static void assertHttpSysPage(String answer) {
    String head = answer.substring(0, Math.max(0, answer.indexOf("\r\n\r\n")));
    assertThat(head).contains("\r\nServer: Microsoft-HTTPAPI/2.0\r\n");
    assertThat(head).contains("\r\nContent-Type: text/html; charset=us-ascii\r\n");
    assertThat(head)
        .doesNotContainIgnoringCase("Cache-Control")
        .doesNotContainIgnoringCase("jetty");
    assertThat(answer)
        .doesNotContain("Exception")
        .doesNotContain("at org.eclipse")
        .doesNotContainIgnoringCase("jetty")
        .doesNotContain("badMessage");
  }

  @Test
  @Timeout(30)
  void plainTextToTheHttpsPortIsDroppedWithoutAnHttpAnswer() throws IOException {
    try (Socket socket = connect(web.httpsPort())) {
      socket
          .getOutputStream()
          .write(
              ("POST "
                      + AUTH
                      + " HTTP/1.1\r\nHost: atl-cs-001.litwareinc.com\r\n"
                      + "Content-Length: 0\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();

      String answer = readUntilClose(socket.getInputStream());

      // A TLS server answers a non-TLS record with at most a TLS alert, never with HTTP.
      assertThat(answer).doesNotStartWith("HTTP/");
      assertThat(answer).doesNotContain("Exception").doesNotContainIgnoringCase("jetty");
    }
    assertStillServing(web);
    RawHttp.Reply overTlsPortStillWorks = tlsProbe();
    assertThat(overTlsPortStillWorks.status()).isEqualTo(405);
    assertNoInternals(overTlsPortStillWorks);
  }

  /** A well-formed request over TLS after the abuse: the HTTPS listener is still up. */
  private RawHttp.Reply tlsProbe() throws IOException {
    var factory = web.ca.clientContext().getSocketFactory();
    try (Socket socket = factory.createSocket("127.0.0.1", web.httpsPort())) {
      socket.setSoTimeout(RawHttp.SOCKET_TIMEOUT_MILLIS);
      return RawHttp.exchange(socket, "PUT", AUTH, java.util.Map.of(), "");
    }
  }

  /** Everything the server sends until it closes (or resets) the connection. */
  private static String readUntilClose(InputStream in) throws IOException {
    StringBuilder text = new StringBuilder();
    byte[] buffer = new byte[4096];
    try {
      for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
        text.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
      }
    } catch (SocketException reset) {
      // A reset is a fine way to end a connection that never spoke HTTP.
    }
    return text.toString();
  }
}
