package io.lyncemu.core.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lyncemu.core.time.EmulatorClock;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InMemoryEventJournalTest {
  private final EmulatorClock clock = EmulatorClock.fixed(Instant.parse("2026-11-23T10:00:00Z"));

  @Test
  void awaitReturnsAnEventRecordedLaterWithoutPolling() throws Exception {
    InMemoryEventJournal journal = new InMemoryEventJournal(clock);
    CountDownLatch waiting = new CountDownLatch(1);
    CompletableFuture<JournalEvent> awaited =
        CompletableFuture.supplyAsync(
            () -> {
              waiting.countDown();
              return journal.await(
                  JournalQuery.kind(EventKind.IM_DELIVERED).where("to", "sip:b@x.com"),
                  Duration.ofSeconds(5));
            });
    waiting.await(5, TimeUnit.SECONDS);

    journal.record(NewEvent.of("router", EventKind.IM_DELIVERED).with("to", "sip:a@x.com"));
    journal.record(NewEvent.of("router", EventKind.IM_DELIVERED).with("to", "sip:b@x.com"));

    assertThat(awaited.get(5, TimeUnit.SECONDS).attribute("to")).isEqualTo("sip:b@x.com");
  }

  @Test
  void awaitTimesOutWithWhatItSaw() {
    InMemoryEventJournal journal = new InMemoryEventJournal(clock);
    journal.record(NewEvent.of("mcx", EventKind.SESSION_CREATED));

    assertThatThrownBy(
            () ->
                journal.await(JournalQuery.kind(EventKind.SESSION_EXPIRED), Duration.ofMillis(50)))
        .isInstanceOf(JournalTimeoutException.class)
        .hasMessageContaining("SESSION_EXPIRED")
        .hasMessageContaining("SESSION_CREATED");
  }

  @Test
  void boundedJournalEvictsTheOldestAndCountsThem() {
    InMemoryEventJournal journal = new InMemoryEventJournal(clock, 3);
    for (int i = 0; i < 5; i++) {
      journal.record(NewEvent.of("c", EventKind.IM_SENT).with("n", i));
    }

    assertThat(journal.query(JournalQuery.all()))
        .extracting(e -> e.attribute("n"))
        .containsExactly("2", "3", "4");
    assertThat(journal.evicted()).isEqualTo(2);
    assertThat(journal.lastSequence()).isEqualTo(4);
  }

  @Test
  void queryAfterSequenceSkipsEarlierEvents() {
    InMemoryEventJournal journal = new InMemoryEventJournal(clock);
    long first = journal.record(NewEvent.of("c", EventKind.IM_SENT)).sequence();
    journal.record(NewEvent.of("c", EventKind.IM_SENT));

    assertThat(journal.query(JournalQuery.kind(EventKind.IM_SENT).after(first))).hasSize(1);
  }

  @Test
  void exportsJsonLinesAndHar() throws Exception {
    InMemoryEventJournal journal = new InMemoryEventJournal(clock);
    journal.record(
        NewEvent.of("webticket", EventKind.HTTP_EXCHANGE)
            .withHttp(
                new HttpExchange(
                    "POST",
                    "https://atl-cs-001.litwareinc.com/WebTicket/WebTicketService.svc?x=1",
                    "HTTP/1.1",
                    List.of(Map.entry("Content-Type", "text/xml")),
                    "<a/>",
                    401,
                    "Unauthorized",
                    List.of(
                        Map.entry("WWW-Authenticate", "Negotiate"),
                        Map.entry("WWW-Authenticate", "NTLM")),
                    "text/html; charset=utf-8",
                    "<html/>",
                    7,
                    Duration.ofMillis(3))));
    journal.record(NewEvent.of("mcx", EventKind.SESSION_CREATED).with("user", "sip:a@b.com"));
    JournalExporter exporter = new JournalExporter("test");

    StringWriter lines = new StringWriter();
    exporter.writeJsonLines(journal.query(JournalQuery.all()), lines);
    StringWriter har = new StringWriter();
    exporter.writeHar(journal.query(JournalQuery.all()), har);

    assertThat(lines.toString().lines())
        .hasSize(2)
        .last()
        .asString()
        .contains("\"kind\":\"SESSION_CREATED\"");
    assertThat(har.toString())
        .contains("\"version\" : \"1.2\"")
        .contains("\"status\" : 401")
        .contains("\"name\" : \"x\"")
        .doesNotContain("SESSION_CREATED");
  }
}
