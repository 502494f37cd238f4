package io.lyncemu.mcx.web;

import io.lyncemu.core.fault.FaultPoint;
import io.lyncemu.core.journal.EventJournal;
import io.lyncemu.core.journal.EventKind;
import io.lyncemu.core.journal.HttpExchange;
import io.lyncemu.core.journal.NewEvent;
import io.lyncemu.core.topology.Deployment;
import io.lyncemu.mcx.iis.IisError;
import io.lyncemu.mcx.iis.IisErrorPage;
import io.lyncemu.mcx.iis.IisErrorPages;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the route for a request, applies listener- and path-level faults, turns errors into IIS
 * error pages (never a stack trace on the wire), dresses the answer as IIS does and records the
 * exchange in the journal. Thread-safe and framework-free: the Jetty adapter calls it once per
 * request.
 */
public final class WebDispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(WebDispatcher.class);
  private static final int JOURNAL_BODY_LIMIT = 64 * 1024;

  private final List<WebRoute> routes;
  private final Deployment deployment;
  private final EventJournal journal;
  private final IisErrorPages pages;

  public WebDispatcher(
      List<WebRoute> routes, Deployment deployment, EventJournal journal, IisErrorPages pages) {
    this.routes = List.copyOf(routes);
    this.deployment = Objects.requireNonNull(deployment, "deployment");
    this.journal = Objects.requireNonNull(journal, "journal");
    this.pages = Objects.requireNonNull(pages, "pages");
  }

  /** The component a request belongs to, for the journal: the accepting route's, or {@code web}. */
  public String componentOf(WebRequest request) {
    return routes.stream()
        .filter(r -> r.accepts(request))
        .findFirst()
        .map(WebRoute::component)
        .orElse("web");
  }

  public CompletionStage<WebResponse> dispatch(
      WebRequest request, StepFaults faults, AtomicReference<Duration> delay) {
    String url = request.baseUrl() + request.path();
    Optional<WebResponse> faulted =
        faults.at(new FaultPoint(request.listener(), request.path(), ""), delay, url);
    if (faulted.isPresent()) {
      return CompletableFuture.completedFuture(dress(faulted.get()));
    }
    if (request.oversizedBody()) {
      // Request filtering runs before authentication: a 10 MB upload to the WinNegotiate port is
      // refused at once instead of being answered 401 (and the rest of it drained).
      return CompletableFuture.completedFuture(
          dress(error(IisError.REQUEST_ENTITY_TOO_LARGE, url)));
    }
    Optional<WebRoute> route = routes.stream().filter(r -> r.accepts(request)).findFirst();
    if (route.isEmpty()) {
      return CompletableFuture.completedFuture(dress(error(IisError.NOT_FOUND, url)));
    }
    CompletionStage<WebResponse> answer;
    try {
      answer = route.get().handle(request);
    } catch (RuntimeException e) {
      answer = CompletableFuture.failedFuture(e);
    }
    return answer.handle(
        (response, failure) -> {
          if (failure == null) {
            return dress(response);
          }
          Throwable cause =
              failure instanceof java.util.concurrent.CompletionException
                      && failure.getCause() != null
                  ? failure.getCause()
                  : failure;
          if (cause instanceof BodyTooLargeException) {
            return dress(error(IisError.REQUEST_ENTITY_TOO_LARGE, url));
          }
          LOG.warn(
              "{} {} failed in route {}", request.method(), url, route.get().component(), cause);
          journal.record(
              NewEvent.of(route.get().component(), EventKind.PROTOCOL_ERROR)
                  .withConnection(request.connectionId())
                  .withPeer(request.remote())
                  .with("error", String.valueOf(cause)));
          return dress(error(IisError.INTERNAL_SERVER_ERROR, url));
        });
  }

  /** An IIS error page response, undressed. */
  public WebResponse error(IisError error, String url) {
    IisErrorPage page = pages.render(error, url);
    return WebResponse.status(error.status()).withBody(page.contentType(), page.body());
  }

  private WebResponse dress(WebResponse response) {
    return IisPersona.dress(response, deployment.current());
  }

  /** Records one exchange; bodies are cut at 64 KiB so a huge upload cannot bloat the journal. */
  public void record(
      WebRequest request,
      String component,
      WebResponse response,
      byte[] requestBody,
      Duration elapsed) {
    String status =
        response.transportFault().map(f -> f.describe()).orElse(String.valueOf(response.status()));
    HttpExchange exchange =
        new HttpExchange(
            request.method(),
            request.baseUrl()
                + request.path()
                + (request.query().isEmpty() ? "" : "?" + request.query()),
            "HTTP/1.1",
            request.allHeaders(),
            text(requestBody),
            response.status(),
            reason(response.status()),
            response.headers(),
            response.contentType(),
            isText(response.contentType()) ? text(response.body()) : "",
            response.body().length,
            elapsed);
    NewEvent event =
        NewEvent.of(component, EventKind.HTTP_EXCHANGE)
            .withConnection(request.connectionId())
            .withPeer(request.remote())
            .with("method", request.method())
            .with("path", request.path())
            .with("status", status)
            .withHttp(exchange);
    for (var attribute : response.journalAttributes().entrySet()) {
      event = event.with(attribute.getKey(), attribute.getValue());
    }
    journal.record(event);
  }

  private static boolean isText(String contentType) {
    String type = contentType.toLowerCase(java.util.Locale.ROOT);
    return type.isEmpty()
        || type.startsWith("text/")
        || type.contains("xml")
        || type.contains("json")
        || type.contains("form-urlencoded");
  }

  private static String text(byte[] body) {
    int length = Math.min(body.length, JOURNAL_BODY_LIMIT);
    String text = new String(body, 0, length, StandardCharsets.UTF_8);
    return body.length > JOURNAL_BODY_LIMIT ? text + "…[" + body.length + " bytes]" : text;
  }

  /** The reason phrase IIS writes for the statuses the emulator sends. */
  public static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 201 -> "Created";
      case 204 -> "No Content";
      case 302 -> "Found";
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 408 -> "Request Timeout";
      case 410 -> "Gone";
      case 413 -> "Request Entity Too Large";
      case 415 -> "Unsupported Media Type";
      case 429 -> "Too Many Requests";
      case 480 -> "Temporarily Unavailable";
      case 500 -> "Internal Server Error";
      case 503 -> "Service Unavailable";
      case 504 -> "Gateway Timeout";
      default -> "";
    };
  }
}
