package io.lyncemu.mcx.hostile;

import static io.lyncemu.mcx.hostile.RawHttp.AUTH;
import static io.lyncemu.mcx.hostile.RawHttp.OAUTH;
import static io.lyncemu.mcx.hostile.RawHttp.WEB_TICKET;
import static io.lyncemu.mcx.hostile.RawHttp.assertNoInternals;
import static io.lyncemu.mcx.hostile.RawHttp.assertStillServing;
import static io.lyncemu.mcx.hostile.RawHttp.connect;
import static org.assertj.core.api.Assertions.assertThat;

import io.lyncemu.mcx.WebFixture;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A 10 MB upload is answered 413 at once, whether declared up front or streamed in chunks. */
class HostileBodyTest {
  private static final int TEN_MB = 10 * 1024 * 1024;

  @TempDir Path state;
  private WebFixture web;
  private final ExecutorService uploader = Executors.newSingleThreadExecutor();

  @BeforeEach
  void start() {
    web = new WebFixture(state);
  }

  @AfterEach
  void stop() throws InterruptedException {
    uploader.shutdownNow();
    uploader.awaitTermination(10, TimeUnit.SECONDS);
    web.close();
  }

  /**
   * Sends the headers, streams 10 MB from another thread (the server may stop reading at any point)
   * and reads the answer on this one.
   */
  private RawHttp.Reply upload(String path, String contentType, boolean chunked)
      throws IOException {
    try (Socket socket = connect(web.httpPort())) {
      OutputStream out = socket.getOutputStream();
      String head =
          "POST "
              + path
              + " HTTP/1.1\r\nHost: atl-cs-001.litwareinc.com\r\nContent-Type: "
              + contentType
              + "\r\n"
              + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + TEN_MB + "\r\n")
              + "\r\n";
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      uploader.submit(
          () -> {
            byte[] block = new byte[64 * 1024];
            Arrays.fill(block, (byte) 'A');
            try {
              for (int sent = 0; sent < TEN_MB; sent += block.length) {
                if (chunked) {
                  out.write(
                      (Integer.toHexString(block.length) + "\r\n")
                          .getBytes(StandardCharsets.US_ASCII));
                }
                out.write(block);
                if (chunked) {
                  out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
              }
              if (chunked) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
              }
              out.flush();
            } catch (IOException closedByServer) {
              // Expected: the server answered early and closed.
            }
          });
      return RawHttp.read(socket.getInputStream());
    }
  }

  @ParameterizedTest
  @CsvSource({
    AUTH + ", text/xml; charset=utf-8, false, 413",
    AUTH + ", text/xml; charset=utf-8, true, 413",
    // Request filtering refuses a declared length before authentication; a chunked body is read
    // (up to the limit) before anything else, so the anonymous WinNegotiate request gets 413 too.
    WEB_TICKET + ", text/xml; charset=utf-8, false, 413",
    WEB_TICKET + ", text/xml; charset=utf-8, true, 413",
    OAUTH + ", application/x-www-form-urlencoded, false, 413",
    OAUTH + ", application/x-www-form-urlencoded, true, 413",
  })
  @Timeout(20)
  void aTenMegabyteBodyIsRefusedQuickly(
      String path, String contentType, boolean chunked, int expected) throws IOException {
    long started = System.nanoTime();

    RawHttp.Reply reply = upload(path, contentType, chunked);

    assertThat(reply.status()).isEqualTo(expected);
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(10_000);
    assertNoInternals(reply);
    assertStillServing(web);
  }
}
