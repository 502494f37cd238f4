package io.lyncemu.mcx.autodiscover;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One autodiscover resource, format-independent: the element it is ({@code Root}, {@code User},
 * {@code Domain}), the access location, its SIP access elements and links in document order, and
 * the HAL view ({@code rel → href}, plus attributes such as {@code revision}), which names links
 * differently from the token list.
 */
public record AutodiscoverDocument(
    Resource resource,
    AccessLocation location,
    List<SipAccess> access,
    List<AutodiscoverLink> links,
    Map<String, HalLink> hal) {

  /** The element under {@code AutodiscoverResponse}. */
  public enum Resource {
    ROOT("Root"),
    USER("User"),
    DOMAIN("Domain");

    private final String element;

    Resource(String element) {
      this.element = element;
    }

    public String element() {
      return element;
    }
  }

  /** A HAL link: its href and an optional {@code revision} (empty when absent). */
  public record HalLink(String href, String revision) {
    public HalLink {
      Objects.requireNonNull(href, "href");
      revision = revision == null ? "" : revision;
    }
  }

  public AutodiscoverDocument {
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(location, "location");
    access = List.copyOf(access);
    links = List.copyOf(links);
    // Insertion order is the order HAL clients see; Map.copyOf would lose it.
    hal = Collections.unmodifiableMap(new LinkedHashMap<>(hal));
  }

  /** The href of the link with {@code token}, or empty. */
  public Optional<String> href(String token) {
    return links.stream()
        .filter(l -> l.token().equals(token))
        .map(AutodiscoverLink::href)
        .findFirst();
  }
}
