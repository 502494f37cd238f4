package io.lyncemu.mcx.autodiscover;

import java.util.Locale;

/**
 * The three representations of an autodiscover resource and how {@code Accept} chooses between them
 * (PROTOCOLS.md 1.2): the explicit autodiscover XML or JSON media types, {@code application/json}
 * for HAL (UCWA clients), and DataContract JSON for anything else, which the "Understanding
 * Autodiscover" doc calls the default.
 */
public enum AutodiscoverFormat {
  XML("application/vnd.microsoft.rtc.autodiscover+xml; v=1"),
  DATA_CONTRACT_JSON("application/vnd.microsoft.rtc.autodiscover+json; v=1"),
  HAL_JSON("application/json");

  private final String contentType;

  AutodiscoverFormat(String contentType) {
    this.contentType = contentType;
  }

  /** The {@code Content-Type} of an answer in this format. */
  public String contentType() {
    return contentType;
  }

  /**
   * The format for an {@code Accept} header (null or empty allowed). The first media range naming a
   * known type wins; quality values are not weighed, since real clients send one type.
   */
  public static AutodiscoverFormat fromAccept(String accept) {
    if (accept == null) {
      return DATA_CONTRACT_JSON;
    }
    for (String range : accept.split(",")) {
      String type = range.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
      switch (type) {
        case "application/vnd.microsoft.rtc.autodiscover+xml":
          return XML;
        case "application/vnd.microsoft.rtc.autodiscover+json":
          return DATA_CONTRACT_JSON;
        case "application/json":
          return HAL_JSON;
        default:
          break;
      }
    }
    return DATA_CONTRACT_JSON;
  }
}
