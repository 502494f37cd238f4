package io.lyncemu.mcx.webticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WebTicketStoreTest {
  private static final String USER = "sip:kenmyer@litwareinc.com";
  private static final String APPLIES_TO =
      "https://atl-cs-001.litwareinc.com/Autodiscover/AutodiscoverService.svc/root/user";

  private final MutableClock clock = new MutableClock(Instant.parse("2013-06-01T09:00:00Z"));
  private final SamlAssertionIssuer issuer = TestKeys.issuer(TestKeys.POOL);
  private final WebTicketStore store =
      new WebTicketStore(issuer, clock, new SplittableRandom(42), 100);

  @Test
  void acceptsItsOwnTicketPresentedAsAnOpaqueHeader() {
    IssuedTicket ticket = store.issue(USER, APPLIES_TO, Duration.ofHours(8), TicketKind.SAML_1_1);

    assertThat(ticket.opaqueHeaderValue()).startsWith("opaque=");
    assertThat(store.validateOpaqueHeader(ticket.opaqueHeaderValue())).contains(ticket);
    assertThat(ticket.expires()).isEqualTo(Instant.parse("2013-06-01T17:00:00Z"));
  }

  @Test
  void acceptsItsOwnCompactTicketAsABearerToken() {
    IssuedTicket ticket = store.issue(USER, "", Duration.ofHours(8), TicketKind.OAUTH_ACCESS_TOKEN);

    assertThat(ticket.cwt()).startsWith("cwt=AAEB");
    assertThat(store.validateBearer("Bearer " + ticket.cwt())).contains(ticket);
    assertThat(store.validateBearer("bearer  " + ticket.cwt() + " ")).contains(ticket);
    assertThat(store.validateCwt(ticket.cwt())).contains(ticket);
  }

  @Test
  void rejectsEveryFormOnceTheClockPassesExpiry() {
    IssuedTicket ticket =
        store.issue(USER, APPLIES_TO, Duration.ofMinutes(15), TicketKind.USER_CWT_1);
    clock.advance(Duration.ofMinutes(14).plusSeconds(59));
    assertThat(store.validateCwt(ticket.cwt())).isPresent();

    clock.advance(Duration.ofSeconds(1));

    assertThat(store.validateCwt(ticket.cwt())).isEmpty();
    assertThat(store.validateBearer("Bearer " + ticket.cwt())).isEmpty();
    assertThat(store.validateOpaqueHeader(ticket.opaqueHeaderValue())).isEmpty();
  }

  @Test
  void rejectsACorrectlySignedAssertionItNeverIssued() {
    String xml =
        issuer
            .issue(USER, APPLIES_TO, clock.instant(), clock.instant().plus(Duration.ofHours(1)))
            .xml();
    String header =
        "opaque=" + Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));

    assertThat(issuer.verify(xml)).isPresent();
    assertThat(store.validateOpaqueHeader(header)).isEmpty();
  }

  @Test
  void rejectsATamperedOpaqueTicket() {
    IssuedTicket ticket = store.issue(USER, APPLIES_TO, Duration.ofHours(8), TicketKind.SAML_1_1);
    String tampered = ticket.assertionXml().replace(USER, "sip:admin@litwareinc.com");
    String header =
        "opaque=" + Base64.getEncoder().encodeToString(tampered.getBytes(StandardCharsets.UTF_8));

    assertThat(store.validateOpaqueHeader(header)).isEmpty();
  }

  @Test
  void rejectsMalformedHeaderValues() {
    store.issue(USER, APPLIES_TO, Duration.ofHours(8), TicketKind.SAML_1_1);
    String dtd =
        Base64.getEncoder().encodeToString("<!DOCTYPE x><x/>".getBytes(StandardCharsets.UTF_8));

    assertThat(store.validateOpaqueHeader(null)).isEmpty();
    assertThat(store.validateOpaqueHeader("")).isEmpty();
    assertThat(store.validateOpaqueHeader("opaque=")).isEmpty();
    assertThat(store.validateOpaqueHeader("opaque=***")).isEmpty();
    assertThat(store.validateOpaqueHeader("opaque=" + dtd)).isEmpty();
    assertThat(store.validateOpaqueHeader("Bearer cwt=AAAA")).isEmpty();
    assertThat(store.validateBearer(null)).isEmpty();
    assertThat(store.validateBearer("Basic dXNlcjpwYXNz")).isEmpty();
    assertThat(store.validateBearer("Bearer")).isEmpty();
    assertThat(store.validateCwt("cwt=AAEBnotAnIssuedTicketAtAll")).isEmpty();
  }

  @Test
  void evictsExpiredTicketsFirstWhenFull() {
    WebTicketStore small = new WebTicketStore(issuer, clock, new SplittableRandom(1), 2);
    IssuedTicket shortLived = small.issue(USER, "", Duration.ofMinutes(1), TicketKind.USER_CWT_1);
    IssuedTicket longLived = small.issue(USER, "", Duration.ofHours(8), TicketKind.USER_CWT_1);
    clock.advance(Duration.ofMinutes(2));

    IssuedTicket newest = small.issue(USER, "", Duration.ofHours(8), TicketKind.USER_CWT_1);

    assertThat(small.size()).isEqualTo(2);
    assertThat(small.find(shortLived.assertionId())).isEmpty();
    assertThat(small.validateCwt(longLived.cwt())).contains(longLived);
    assertThat(small.validateCwt(newest.cwt())).contains(newest);
  }

  @Test
  void evictsTheOldestTicketWhenFullOfLiveOnes() {
    WebTicketStore small = new WebTicketStore(issuer, clock, new SplittableRandom(2), 2);
    IssuedTicket first = small.issue(USER, "", Duration.ofHours(8), TicketKind.USER_CWT_1);
    IssuedTicket second = small.issue(USER, "", Duration.ofHours(8), TicketKind.USER_CWT_1);

    IssuedTicket third = small.issue(USER, "", Duration.ofHours(8), TicketKind.USER_CWT_1);

    assertThat(small.validateCwt(first.cwt())).isEmpty();
    assertThat(small.validateCwt(second.cwt())).contains(second);
    assertThat(small.validateCwt(third.cwt())).contains(third);
  }

  @Test
  void keepsTicketSecretsOutOfToString() {
    IssuedTicket ticket = store.issue(USER, APPLIES_TO, Duration.ofHours(1), TicketKind.USER_CWT_1);

    assertThat(ticket.toString()).doesNotContain(ticket.cwt()).doesNotContain("Signature");
  }
}
