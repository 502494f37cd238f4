package io.lyncemu.mcx.routes;

import io.lyncemu.core.topology.Deployment;
import io.lyncemu.core.topology.Topology;
import io.lyncemu.mcx.autodiscover.WebBases;
import io.lyncemu.mcx.iis.IisError;
import io.lyncemu.mcx.iis.IisErrorPage;
import io.lyncemu.mcx.iis.IisErrorPages;
import io.lyncemu.mcx.mobility.McxError;
import io.lyncemu.mcx.mobility.McxRefusal;
import io.lyncemu.mcx.mobility.McxSessions;
import io.lyncemu.mcx.mobility.codec.McxBadRequestException;
import io.lyncemu.mcx.mobility.codec.McxRequest;
import io.lyncemu.mcx.mobility.codec.McxRequestParser;
import io.lyncemu.mcx.mobility.codec.McxResponseWriter;
import io.lyncemu.mcx.outcome.Outcome;
import io.lyncemu.mcx.web.WebRequest;
import io.lyncemu.mcx.web.WebResponse;
import io.lyncemu.mcx.web.WebRoute;
import io.lyncemu.mcx.webticket.IssuedTicket;
import io.lyncemu.mcx.webticket.MetadataDocuments;
import io.lyncemu.mcx.webticket.SoapFaults;
import io.lyncemu.mcx.webticket.WcfServicePage;
import io.lyncemu.mcx.webticket.WebTicketStore;
import io.lyncemu.mcx.xml.SafeXml;
import io.lyncemu.mcx.xml.XmlRejectedException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.w3c.dom.Document;

/**
 * The Mobility Service, {@code /Mcx/McxService.svc}: the WCF service page on GET, the
 * emulator-defined WSDL on {@code /mex}, and on POST the MCX message set of docs/mcx-protocol.md
 * (web ticket check, then the named fault step, then {@link McxSessions}). {@code getEvents}
 * answers asynchronously when its long poll ends. Thread-safe.
 */
public final class McxRoute implements WebRoute {
  static final String PATH = "/mcx/mcxservice.svc";
  private static final String XML = "text/xml; charset=utf-8";

  private final Deployment deployment;
  private final McxSessions sessions;
  private final TicketGate gate;
  private final IisErrorPages pages;
  private final int maxBodyBytes;
  private final McxRequestParser parser = new McxRequestParser();
  private final McxResponseWriter writer = new McxResponseWriter();

  public McxRoute(
      Deployment deployment,
      McxSessions sessions,
      WebTicketStore tickets,
      IisErrorPages pages,
      int maxBodyBytes) {
    this.deployment = Objects.requireNonNull(deployment, "deployment");
    this.sessions = Objects.requireNonNull(sessions, "sessions");
    this.pages = Objects.requireNonNull(pages, "pages");
    this.gate = new TicketGate(tickets, pages);
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public String component() {
    return "mcx";
  }

  @Override
  public boolean accepts(WebRequest request) {
    return request.lowerPath().startsWith(PATH);
  }

  @Override
  public CompletionStage<WebResponse> handle(WebRequest request) {
    String rest = request.lowerPath().substring(PATH.length());
    String url = request.baseUrl() + request.path();
    boolean get = request.method().equals("GET");
    if (rest.equals("/mex")
        || (get && rest.isEmpty() && request.query().equalsIgnoreCase("wsdl"))) {
      MetadataDocuments metadata =
          new MetadataDocuments(URI.create(request.baseUrl()), request.host(), false);
      return done(WebResponse.status(200).withBody(XML, metadata.mcxService()));
    }
    if (!rest.isEmpty() && !rest.equals("/")) {
      return done(page(WebResponse.status(404), IisError.NOT_FOUND, url));
    }
    if (get) {
      return done(
          WebResponse.status(200)
              .withBody(WcfServicePage.CONTENT_TYPE, WcfServicePage.body("McxService", url)));
    }
    if (!request.method().equals("POST")) {
      return done(
          page(
              WebResponse.status(405).withHeader("Allow", "GET, POST"),
              IisError.METHOD_NOT_ALLOWED,
              url));
    }
    return post(request, url);
  }

  private CompletionStage<WebResponse> post(WebRequest request, String url) {
    Topology topology = deployment.current();
    Optional<IssuedTicket> ticket = gate.ticket(request);
    if (ticket.isEmpty()) {
      WebBases bases =
          WebBases.forRequest(
              topology, topology.primaryPool(), request.scheme(), request.host(), request.port());
      return done(gate.webTicketChallenge(request, topology, bases.local()));
    }
    String user = ticket.get().sipUri();
    if (!acceptable(request.header("Content-Type").orElse(""))) {
      return done(page(WebResponse.status(415), IisError.UNSUPPORTED_MEDIA_TYPE, url));
    }
    Document document;
    try {
      document = SafeXml.parse(request.body(), maxBodyBytes);
    } catch (XmlRejectedException rejected) {
      if (rejected.reason() == XmlRejectedException.Reason.TOO_LARGE) {
        return done(page(WebResponse.status(413), IisError.REQUEST_ENTITY_TOO_LARGE, url));
      }
      return done(
          error(
              user,
              "",
              new McxRefusal(McxError.BAD_REQUEST, rejected.reason().faultText()),
              topology));
    }
    McxRequest parsed;
    try {
      parsed = parser.parse(document);
    } catch (McxBadRequestException bad) {
      return done(
          error(user, "", new McxRefusal(McxError.BAD_REQUEST, bad.getMessage()), topology));
    }
    Optional<WebResponse> faulted = request.step(step(parsed));
    if (faulted.isPresent()) {
      return done(asMcxError(faulted.get(), user, parsed.operation(), topology));
    }
    return execute(user, parsed)
        .thenApply(
            answer ->
                answer.withJournal("user", user).withJournal("operation", parsed.operation()));
  }

  private CompletionStage<WebResponse> execute(String user, McxRequest request) {
    Topology topology = deployment.current();
    if (request instanceof McxRequest.CreateSession create) {
      return done(render(sessions.create(user, create.device()), writer::session, user, topology));
    } else if (request instanceof McxRequest.PublishPresence publish) {
      return done(
          render(
              sessions.publishPresence(user, publish.session(), publish.availability()),
              s -> writer.ok(),
              user,
              topology));
    } else if (request instanceof McxRequest.SubscribePresence subscribe) {
      return done(
          render(
              sessions.subscribePresence(user, subscribe.session(), subscribe.contacts()),
              writer::presence,
              user,
              topology));
    } else if (request instanceof McxRequest.SendMessage send) {
      return done(
          render(
              sessions.sendMessage(
                  user, send.session(), send.to(), send.contentType(), send.text()),
              writer::sent,
              user,
              topology));
    } else if (request instanceof McxRequest.GetEvents poll) {
      return sessions
          .getEvents(user, poll.session(), poll.ack(), Duration.ofSeconds(poll.timeoutSeconds()))
          .thenApply(result -> render(result, writer::events, user, deployment.current()));
    } else if (request instanceof McxRequest.SetBackground background) {
      return done(
          render(
              sessions.setBackground(user, background.session(), background.background()),
              s -> writer.ok(),
              user,
              topology));
    }
    McxRequest.EndSession end = (McxRequest.EndSession) request;
    return done(render(sessions.end(user, end.session()), s -> writer.ok(), user, topology));
  }

  private <T> WebResponse render(
      Outcome<T, McxRefusal> result, Function<T, byte[]> body, String user, Topology topology) {
    if (result instanceof Outcome.Ok<T, McxRefusal> ok) {
      return WebResponse.status(200)
          .withBody(McxResponseWriter.CONTENT_TYPE, body.apply(ok.value()));
    }
    return error(user, "", result.refusal(), topology);
  }

  private WebResponse error(String user, String operation, McxRefusal refusal, Topology topology) {
    WebResponse response =
        WebResponse.status(refusal.error().httpStatus())
            .withBody(McxResponseWriter.CONTENT_TYPE, writer.error(refusal))
            .withJournal("user", user)
            .withJournal("code", refusal.error().code());
    if (refusal.error().isRefusal()) {
      response =
          response.withHeader(
              "X-Ms-diagnostics",
              SoapFaults.diagnosticsHeader(
                  refusal.error().diagnosticId(),
                  topology.primaryPool().fqdn(),
                  refusal.reason(),
                  Optional.empty()));
    }
    return operation.isEmpty() ? response : response.withJournal("operation", operation);
  }

  /** A bare 503 from a fault becomes the message set's {@code ServiceUnavailable} error. */
  private WebResponse asMcxError(
      WebResponse faulted, String user, String operation, Topology topology) {
    if (faulted.status() == 503 && faulted.body().length == 0) {
      return error(
          user,
          operation,
          new McxRefusal(McxError.SERVICE_UNAVAILABLE, "The Mobility Service is unavailable."),
          topology);
    }
    return faulted;
  }

  /** The named fault step of each operation (docs/mcx-protocol.md, "Fault steps"). */
  static String step(McxRequest request) {
    if (request instanceof McxRequest.CreateSession) {
      return "mcx.session.create";
    } else if (request instanceof McxRequest.PublishPresence) {
      return "mcx.presence.publish";
    } else if (request instanceof McxRequest.SubscribePresence) {
      return "mcx.presence.subscribe";
    } else if (request instanceof McxRequest.SendMessage) {
      return "mcx.im.send";
    } else if (request instanceof McxRequest.GetEvents) {
      return "mcx.events";
    } else if (request instanceof McxRequest.SetBackground) {
      return "mcx.session.background";
    }
    return "mcx.session.end";
  }

  private static boolean acceptable(String contentType) {
    String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return type.equals("application/vnd.lyncemu.mcx+xml")
        || type.equals("text/xml")
        || type.equals("application/xml");
  }

  private WebResponse page(WebResponse response, IisError error, String url) {
    IisErrorPage page = pages.render(error, url);
    return response.withBody(page.contentType(), page.body());
  }

  private static CompletionStage<WebResponse> done(WebResponse response) {
    return CompletableFuture.completedFuture(response);
  }
}
