package io.lyncemu.mcx.autodiscover;

import java.util.Objects;

/** One {@code Link} element: a token such as {@code External/Mcx} and its absolute href. */
public record AutodiscoverLink(String token, String href) {
  public AutodiscoverLink {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(href, "href");
  }
}
