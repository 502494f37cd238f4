package io.lyncemu.mcx.webticket;

import io.lyncemu.mcx.xml.SafeXml;
import io.lyncemu.mcx.xml.XmlRejectedException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.w3c.dom.Document;

/**
 * The table of issued web tickets, so that a ticket presented later (PROTOCOLS 2.7) can be checked:
 * {@code X-MS-WebTicket: opaque=<base64 assertion>} for non-SOAP apps and {@code Authorization:
 * Bearer cwt=…} for UCWA/OAuth.
 *
 * <p>A presented assertion must carry our signature and an AssertionID we issued, and the ticket
 * must be within its lifetime by the injected {@link Clock} (advance it in tests to expire
 * tickets). The table is bounded: when full, expired tickets are dropped first, then the oldest.
 *
 * <p>Thread-safety: safe for concurrent use; all table access is under one lock, signing happens
 * outside it.
 */
public final class WebTicketStore {
  private static final int MAX_OPAQUE_HEADER_CHARS = 128 * 1024;
  private static final int MAX_ASSERTION_BYTES = 64 * 1024;

  private final SamlAssertionIssuer issuer;
  private final Clock clock;
  private final RandomGenerator random;
  private final int capacity;
  private final Object lock = new Object();
  // Insertion order doubles as issue order for "evict the oldest".
  private final LinkedHashMap<String, IssuedTicket> byAssertionId = new LinkedHashMap<>();
  private final Map<String, IssuedTicket> byCwt = new HashMap<>();
  // SHA-256 of the exact assertion bytes we issued → ticket. A client that presents the assertion
  // unchanged (every client we know of does) is validated by a hash lookup instead of a parse and
  // a signature check on every request; equal bytes are bytes we signed ourselves.
  private final Map<String, IssuedTicket> byDigest = new HashMap<>();

  /**
   * @param issuer signs new assertions and verifies presented ones
   * @param clock the emulator clock for issue and expiry times
   * @param random source for compact tickets; a {@link java.security.SecureRandom} in production
   * @param capacity the most tickets kept
   */
  public WebTicketStore(
      SamlAssertionIssuer issuer, Clock clock, RandomGenerator random, int capacity) {
    this.issuer = Objects.requireNonNull(issuer, "issuer");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
    if (capacity <= 0) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.capacity = capacity;
  }

  /**
   * Issues and remembers a ticket valid from now for {@code lifetime}. Callers cap the lifetime a
   * client asks for before calling.
   *
   * @param appliesTo the audience; empty for none
   */
  public IssuedTicket issue(String sipUri, String appliesTo, Duration lifetime, TicketKind kind) {
    Objects.requireNonNull(sipUri, "sipUri");
    Objects.requireNonNull(appliesTo, "appliesTo");
    Objects.requireNonNull(lifetime, "lifetime");
    Objects.requireNonNull(kind, "kind");
    if (lifetime.isNegative() || lifetime.isZero()) {
      throw new IllegalArgumentException("lifetime must be positive: " + lifetime);
    }
    // Whole milliseconds: the wire format has millisecond precision, so store what we send.
    Instant issued = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    Instant expires = issued.plus(lifetime);
    SamlAssertionIssuer.SignedAssertion assertion =
        issuer.issue(sipUri, appliesTo, issued, expires);
    CompactWebTicket cwt;
    synchronized (lock) {
      cwt = CompactWebTicket.generate(random);
    }
    IssuedTicket ticket =
        new IssuedTicket(
            sipUri, assertion.assertionId(), assertion.xml(), cwt.value(), issued, expires, kind);
    synchronized (lock) {
      makeRoom(clock.instant());
      byAssertionId.put(ticket.assertionId(), ticket);
      byCwt.put(ticket.cwt(), ticket);
      byDigest.put(digest(ticket.assertionXml().getBytes(StandardCharsets.UTF_8)), ticket);
    }
    return ticket;
  }

  /**
   * Validates an {@code X-MS-WebTicket} header value {@code opaque=<base64 of the assertion XML>}.
   *
   * @return the ticket, or empty when the header is malformed, the signature is not ours, the
   *     AssertionID is unknown, or the ticket is expired
   */
  public Optional<IssuedTicket> validateOpaqueHeader(String headerValue) {
    if (headerValue == null || headerValue.length() > MAX_OPAQUE_HEADER_CHARS) {
      return Optional.empty();
    }
    String value = headerValue.trim();
    if (!value.toLowerCase(Locale.ROOT).startsWith("opaque=")) {
      return Optional.empty();
    }
    byte[] xml;
    try {
      // MIME decoder: tolerates line breaks some clients leave in long base64 headers.
      xml = Base64.getMimeDecoder().decode(value.substring("opaque=".length()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    IssuedTicket known;
    synchronized (lock) {
      known = byDigest.get(digest(xml));
    }
    if (known != null) {
      return Optional.of(known).filter(this::current);
    }
    Document doc;
    try {
      doc = SafeXml.parse(xml, MAX_ASSERTION_BYTES);
    } catch (XmlRejectedException e) {
      return Optional.empty();
    }
    return issuer
        .verify(doc)
        .flatMap(
            verified -> {
              synchronized (lock) {
                return Optional.ofNullable(byAssertionId.get(verified.assertionId()));
              }
            })
        .filter(this::current);
  }

  /** Validates an {@code Authorization} value {@code Bearer cwt=…} (scheme case-insensitive). */
  public Optional<IssuedTicket> validateBearer(String authorizationValue) {
    if (authorizationValue == null) {
      return Optional.empty();
    }
    String value = authorizationValue.trim();
    int space = value.indexOf(' ');
    if (space < 0 || !value.substring(0, space).equalsIgnoreCase("Bearer")) {
      return Optional.empty();
    }
    return validateCwt(value.substring(space + 1));
  }

  /** Validates a bare {@code cwt=…} value. */
  public Optional<IssuedTicket> validateCwt(String cwt) {
    return CompactWebTicket.parse(cwt)
        .flatMap(
            token -> {
              synchronized (lock) {
                return Optional.ofNullable(byCwt.get(token.value()));
              }
            })
        .filter(this::current);
  }

  /** Looks up an issued ticket by AssertionID without checking expiry (for diagnostics). */
  public Optional<IssuedTicket> find(String assertionId) {
    synchronized (lock) {
      return Optional.ofNullable(byAssertionId.get(assertionId));
    }
  }

  /** The number of tickets held, expired ones included until they are evicted. */
  public int size() {
    synchronized (lock) {
      return byAssertionId.size();
    }
  }

  private boolean current(IssuedTicket ticket) {
    return ticket.validAt(clock.instant());
  }

  private void makeRoom(Instant now) {
    if (byAssertionId.size() < capacity) {
      return;
    }
    for (Iterator<IssuedTicket> it = byAssertionId.values().iterator(); it.hasNext(); ) {
      IssuedTicket t = it.next();
      if (!now.isBefore(t.expires())) {
        it.remove();
        forget(t);
      }
    }
    Iterator<IssuedTicket> oldest = byAssertionId.values().iterator();
    while (byAssertionId.size() >= capacity && oldest.hasNext()) {
      IssuedTicket t = oldest.next();
      oldest.remove();
      forget(t);
    }
  }

  private void forget(IssuedTicket ticket) {
    byCwt.remove(ticket.cwt());
    byDigest.remove(digest(ticket.assertionXml().getBytes(StandardCharsets.UTF_8)));
  }

  private static String digest(byte[] bytes) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
