package io.lyncemu.mcx.webticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CompactWebTicketTest {
  @Test
  void generatesLongUrlSafeTokensThatStartLikePublishedSamples() {
    CompactWebTicket cwt = CompactWebTicket.generate(new SplittableRandom(7));

    assertThat(cwt.value()).startsWith("cwt=AAEB").hasSize(4 + 64).matches("cwt=[A-Za-z0-9_-]+");
    assertThat(CompactWebTicket.parse(" " + cwt.value() + " ")).contains(cwt);
  }

  @Test
  void generatesDistinctTokens() {
    SplittableRandom random = new SplittableRandom(7);

    assertThat(CompactWebTicket.generate(random)).isNotEqualTo(CompactWebTicket.generate(random));
  }

  @Test
  void refusesTextWithoutTheCwtShape() {
    assertThat(CompactWebTicket.parse(null)).isEmpty();
    assertThat(CompactWebTicket.parse("AAEBAAAAAAAAAAAAAAAAAAAA")).isEmpty();
    assertThat(CompactWebTicket.parse("cwt=short")).isEmpty();
    assertThat(CompactWebTicket.parse("cwt=AAEB\r\nX-Injected: 1AAAAAAAAAAAA")).isEmpty();
    assertThatThrownBy(() -> new CompactWebTicket("nope"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
