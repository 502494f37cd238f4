package io.lyncemu.edge.xmpp.s2s;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DialbackKeysTest {
  /** Computed independently (Python hashlib/hmac) with the hex-encoded SHA256 as HMAC key. */
  @Test
  void matchesAnIndependentlyComputedKey() {
    DialbackKeys keys = new DialbackKeys(() -> "s3cr3tf0rd14lb4ck");
    assertThat(keys.key("example.net", "example.com", "D60000229F"))
        .isEqualTo("008c689ff366b50c63d69a3e2d2c0e0e1f8404b0118eb688a0102c87cb691bdc");
  }

  @Test
  void aBlankPassphraseUsesAPerProcessSecretAndStillVerifies() {
    DialbackKeys keys = new DialbackKeys(() -> "");
    String key = keys.key("fabrikam.com", "litwareinc.com", "id1");
    assertThat(keys.matches("fabrikam.com", "litwareinc.com", "id1", key)).isTrue();
    assertThat(keys.matches("fabrikam.com", "litwareinc.com", "id2", key)).isFalse();
    assertThat(new DialbackKeys(() -> "").key("fabrikam.com", "litwareinc.com", "id1"))
        .isNotEqualTo(key);
  }
}
