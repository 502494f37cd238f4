package io.lyncemu.mcx;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class McxServerRestartTest {

  @Test
  void restartComesBackOnTheSamePortsEvenWhenConfiguredWithPortZero(@TempDir Path state)
      throws Exception {
    try (WebFixture web = new WebFixture(state)) {
      int https = web.httpsPort();
      int http = web.httpPort();

      web.services.stop("W3SVC");
      assertThat(web.server.isRunning()).isFalse();
      web.services.start("W3SVC");

      assertThat(web.httpsPort()).isEqualTo(https);
      assertThat(web.httpPort()).isEqualTo(http);
      try (Socket socket = new Socket("127.0.0.1", http)) {
        assertThat(socket.isConnected()).isTrue();
      }
    }
  }
}
