package io.lyncemu.mcx.iis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class IisErrorPagesTest {
  private final IisErrorPages pages = IisErrorPages.iis85();

  @Test
  void rendersA401OfAboutTheDocumentedSixKilobytes() {
    IisErrorPage page =
        pages.render(
            IisError.UNAUTHORIZED_NO_CREDENTIALS,
            "https://atl-cs-001.litwareinc.com:443/WebTicket/WebTicketService.svc");

    assertThat(page.status()).isEqualTo(401);
    assertThat(page.contentType()).isEqualTo("text/html; charset=utf-8");
    assertThat(page.body().length).isBetween(5500, 7000);
    assertThat(page.html()).contains("HTTP Error 401.2 - Unauthorized").contains("IIS 8.5");
  }

  @ParameterizedTest
  @EnumSource(IisError.class)
  void rendersEveryErrorWithItsCodeAndReason(IisError error) {
    IisErrorPage page = pages.render(error, "https://x/y");

    assertThat(page.status()).isEqualTo(error.status());
    assertThat(page.html())
        .startsWith("<!DOCTYPE html")
        .contains("HTTP Error " + error.code() + " - " + error.reasonPhrase())
        .doesNotContain("{{");
  }

  @Test
  void escapesTheRequestedUrl() {
    String html = pages.render(IisError.NOT_FOUND, "https://x/<script>{{code}}").html();

    assertThat(html).contains("https://x/&lt;script&gt;{{code}}").doesNotContain("<script>");
  }

  @Test
  void encodesTheBodyAsUtf8() {
    IisErrorPage page = pages.render(IisError.NOT_FOUND, "https://x/é");

    assertThat(new String(page.body(), StandardCharsets.UTF_8)).isEqualTo(page.html());
  }
}
