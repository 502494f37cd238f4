package io.lyncemu.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Measurement 4: the emulator's anonymous 401 on the Web Ticket service against WireMock serving
 * the very same bytes from a stub. WireMock is the yardstick for "a canned HTTP answer": if the
 * emulator, which decides the answer per request (topology, faults, journal), is not at least as
 * fast, something on its hot path is wasteful. Rounds alternate between the two servers so that
 * machine noise (other builds on the 2 cores) hits both alike.
 */
final class ChallengeVsWireMockBenchmark {
  static final int CONNECTIONS = 32;
  static final int ROUNDS = 3;
  static final Duration WARM_UP = Duration.ofSeconds(2);
  static final Duration MEASURE = Duration.ofSeconds(5);

  private static final long MAX_OPS_PER_CONNECTION = 5_000_000;

  /** Framing and per-response headers each server writes itself; everything else is copied. */
  private static final Set<String> SERVER_OWNED =
      Set.of("date", "content-length", "connection", "transfer-encoding", "keep-alive");

  private static final byte[] ANONYMOUS =
      HttpConnection.request(
          "POST",
          Requests.WEB_TICKET_PATH,
          List.<String[]>of(new String[] {"Content-Type", Requests.CONTENT_TYPE}),
          Requests.RST);

  private ChallengeVsWireMockBenchmark() {}

  static List<Row> run(int emulatorHttpPort, List<String> remarks)
      throws IOException, InterruptedException {
    HttpConnection.Response reference;
    try (HttpConnection connection = new HttpConnection(emulatorHttpPort, 10_000)) {
      reference = connection.exchange(ANONYMOUS);
    }
    if (reference.status() != 401) {
      throw new IllegalStateException("the emulator's anonymous answer is " + reference.status());
    }
    WireMockServer wireMock =
        new WireMockServer(
            options()
                .bindAddress(Loopback.HOST)
                .port(0)
                // Its fastest setup: the default journal is unbounded (hundreds of MB over a run)
                // and a bounded one counts all its entries on every request.
                .disableRequestJournal()
                // Content-Length framing, as the emulator sends, so both answers are the same
                // bytes on the wire apart from Date and WireMock's Matched-Stub-Id.
                .useChunkedTransferEncoding(Options.ChunkedEncodingPolicy.NEVER));
    wireMock.start();
    try {
      wireMock.stubFor(
          post(urlEqualTo(Requests.WEB_TICKET_PATH))
              .willReturn(
                  aResponse()
                      .withStatus(401)
                      .withHeaders(copyHeaders(reference))
                      .withBody(reference.body())));
      HttpConnection.Response mimic;
      try (HttpConnection connection = new HttpConnection(wireMock.port(), 10_000)) {
        mimic = connection.exchange(ANONYMOUS);
      }
      compare(reference, mimic, remarks);

      // One unrecorded round each first: WireMock's first round otherwise runs half-interpreted.
      load(emulatorHttpPort, reference.body().length, WARM_UP);
      load(wireMock.port(), reference.body().length, WARM_UP);
      List<LoadRunner.Result> emulatorRounds = new ArrayList<>();
      List<LoadRunner.Result> wireMockRounds = new ArrayList<>();
      for (int round = 0; round < ROUNDS; round++) {
        emulatorRounds.add(load(emulatorHttpPort, reference.body().length, MEASURE));
        wireMockRounds.add(load(wireMock.port(), reference.body().length, MEASURE));
      }
      double emulatorRate = medianRate(emulatorRounds);
      double wireMockRate = medianRate(wireMockRounds);
      double ratio = emulatorRate / wireMockRate;
      List<Row> rows = new ArrayList<>();
      rows.add(row("4. anonymous 401: emulator", emulatorRounds, ratio >= 1.0));
      rows.add(row("4. anonymous 401: WireMock (same bytes)", wireMockRounds, true));
      rows.add(
          new Row(
              "4. ratio emulator / WireMock (req/s)",
              Row.NONE,
              Row.NONE,
              String.format(Locale.ROOT, "%.2fx", ratio),
              ">= 1.00x",
              Row.verdict(ratio >= 1.0),
              "medians of "
                  + ROUNDS
                  + " alternating rounds of "
                  + MEASURE.toSeconds()
                  + " s (after "
                  + WARM_UP.toSeconds()
                  + " s warm-up each, and one unrecorded round each)"));
      return rows;
    } finally {
      wireMock.stop();
    }
  }

  private static LoadRunner.Result load(int port, int expectedLength, Duration measure)
      throws InterruptedException {
    return LoadRunner.run(
        port,
        CONNECTIONS,
        WARM_UP,
        measure,
        MAX_OPS_PER_CONNECTION,
        thread ->
            connection -> {
              HttpConnection.Response answer = connection.exchange(ANONYMOUS);
              if (answer.status() != 401) {
                throw new LoadRunner.UnexpectedAnswerException("answered " + answer.status());
              }
              if (answer.body().length != expectedLength) {
                throw new LoadRunner.UnexpectedAnswerException(
                    "body of " + answer.body().length + " bytes, expected " + expectedLength);
              }
              return !answer.closes();
            });
  }

  private static Row row(String name, List<LoadRunner.Result> rounds, boolean met) {
    List<Samples> all = new ArrayList<>();
    long failures = 0;
    long reconnects = 0;
    long requests = 0;
    String firstFailure = null;
    StringBuilder rates = new StringBuilder();
    for (LoadRunner.Result round : rounds) {
      Samples samples = new Samples(round.latency().count());
      Arrays.stream(round.latency().sorted()).forEach(samples::add);
      all.add(samples);
      failures += round.failures();
      reconnects += round.reconnects();
      requests += round.operations();
      firstFailure = firstFailure != null ? firstFailure : round.firstFailure();
      rates
          .append(rates.length() == 0 ? "" : ", ")
          .append(String.format(Locale.ROOT, "%,.0f", round.perSecond()));
    }
    Samples.Summary latency = Samples.merge(all).summarise();
    String notes =
        String.format(
            Locale.ROOT,
            "%d conns; rounds %s /s; %,d requests, %d failures, %d reconnects;"
                + " CPU %.3f ms/request (client+server, median round)",
            CONNECTIONS,
            rates,
            requests,
            failures,
            reconnects,
            medianCpu(rounds));
    if (firstFailure != null) {
      notes += "; first failure: " + P2pImBenchmark.abbreviate(firstFailure);
    }
    return new Row(
        name,
        Row.millis(latency.median()),
        Row.millis(latency.p99()),
        Row.perSecond(medianRate(rounds)),
        "emulator >= WireMock",
        met && failures == 0 ? "met" : Row.verdict(false),
        notes);
  }

  private static double medianCpu(List<LoadRunner.Result> rounds) {
    double[] cpu =
        rounds.stream().mapToDouble(LoadRunner.Result::cpuMillisPerOperation).sorted().toArray();
    return cpu[cpu.length / 2];
  }

  private static double medianRate(List<LoadRunner.Result> rounds) {
    double[] rates = rounds.stream().mapToDouble(LoadRunner.Result::perSecond).sorted().toArray();
    return rates[rates.length / 2];
  }

  /** The emulator's headers, in order, grouped by name so repeated ones (WWW-Authenticate) stay. */
  private static HttpHeaders copyHeaders(HttpConnection.Response reference) {
    Map<String, List<String>> grouped = new LinkedHashMap<>();
    for (String[] header : reference.headers()) {
      if (!SERVER_OWNED.contains(header[0].toLowerCase(Locale.ROOT))) {
        grouped.computeIfAbsent(header[0], name -> new ArrayList<>()).add(header[1]);
      }
    }
    List<HttpHeader> headers = new ArrayList<>();
    grouped.forEach((name, values) -> headers.add(new HttpHeader(name, values)));
    return new HttpHeaders(headers);
  }

  /** Records in the report how close the stub is to the original, so the comparison is honest. */
  private static void compare(
      HttpConnection.Response reference, HttpConnection.Response mimic, List<String> remarks) {
    if (mimic.status() != reference.status() || !Arrays.equals(mimic.body(), reference.body())) {
      throw new IllegalStateException(
          "WireMock does not serve the emulator's 401: status "
              + mimic.status()
              + ", "
              + mimic.body().length
              + " bytes");
    }
    remarks.add(
        "Anonymous 401 compared: "
            + reference.body().length
            + " byte body, identical from both; emulator headers "
            + names(reference)
            + "; WireMock headers "
            + names(mimic)
            + ".");
  }

  private static String names(HttpConnection.Response response) {
    List<String> names = new ArrayList<>();
    for (String[] header : response.headers()) {
      names.add(header[0]);
    }
    return String.join(", ", names);
  }
}
