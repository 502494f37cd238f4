package io.lyncemu.edge.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessEdgeSmokeTest {
  @TempDir Path dir;

  @Test
  void optionsFromAllowedPartnerOverTcp() throws Exception {
    try (EdgeFixture f = new EdgeFixture(dir);
        RawSipClient c = RawSipClient.tcp(f.tcpPort())) {
      assertThat(f.tlsPort()).isPositive();
      RawSipClient.Reply r =
          c.send(
              c.request(
                  "OPTIONS",
                  "sip:litwareinc.com",
                  "sip:alice@contoso.com",
                  "sip:kenmyer@litwareinc.com",
                  ""));
      assertThat(r.status()).isEqualTo(200);
    }
  }
}
