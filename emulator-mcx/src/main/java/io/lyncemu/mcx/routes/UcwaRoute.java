package io.lyncemu.mcx.routes;

import io.lyncemu.core.topology.Deployment;
import io.lyncemu.core.topology.Topology;
import io.lyncemu.mcx.autodiscover.WebBases;
import io.lyncemu.mcx.iis.IisErrorPages;
import io.lyncemu.mcx.outcome.Outcome;
import io.lyncemu.mcx.ucwa.ApplicationInfo;
import io.lyncemu.mcx.ucwa.InvitationRequest;
import io.lyncemu.mcx.ucwa.UcwaApplications;
import io.lyncemu.mcx.ucwa.UcwaBadRequestException;
import io.lyncemu.mcx.ucwa.UcwaError;
import io.lyncemu.mcx.ucwa.UcwaJson;
import io.lyncemu.mcx.ucwa.UcwaRefusal;
import io.lyncemu.mcx.web.WebRequest;
import io.lyncemu.mcx.web.WebResponse;
import io.lyncemu.mcx.web.WebRoute;
import io.lyncemu.mcx.webticket.IssuedTicket;
import io.lyncemu.mcx.webticket.WebTicketStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * UCWA under {@code /ucwa/oauth/v1/applications} (and {@code /ucwa/v1/applications}, the path
 * autodiscover's {@code Ucwa} link names): application create/get/delete, {@code me} operations,
 * the event channel, messaging invitations and messages, on top of {@link UcwaApplications}.
 * Requests need {@code Authorization: Bearer cwt=…} (or a SAML web ticket); without one the OAuth
 * challenge of PROTOCOLS 2.9 is returned. The event channel's {@code timeout} defaults to 180 s and
 * is clamped to 1–1800 s (the UCWA server range is 180–1800; the emulator allows shorter waits so
 * tests and impatient clients need not hang). Thread-safe.
 */
public final class UcwaRoute implements WebRoute {
  static final long DEFAULT_EVENT_TIMEOUT_SECONDS = 180;
  static final long MAX_EVENT_TIMEOUT_SECONDS = 1800;
  private static final List<String> PREFIXES =
      List.of("/ucwa/oauth/v1/applications", "/ucwa/v1/applications");

  private final Deployment deployment;
  private final UcwaApplications applications;
  private final TicketGate gate;
  private final UcwaJson json = new UcwaJson();

  public UcwaRoute(
      Deployment deployment,
      UcwaApplications applications,
      WebTicketStore tickets,
      IisErrorPages pages) {
    this.deployment = Objects.requireNonNull(deployment, "deployment");
    this.applications = Objects.requireNonNull(applications, "applications");
    this.gate = new TicketGate(tickets, pages);
  }

  @Override
  public String component() {
    return "ucwa";
  }

  @Override
  public boolean accepts(WebRequest request) {
    return PREFIXES.stream().anyMatch(p -> request.lowerPath().startsWith(p));
  }

  @Override
  public CompletionStage<WebResponse> handle(WebRequest request) {
    Topology topology = deployment.current();
    Optional<IssuedTicket> ticket = gate.ticket(request);
    if (ticket.isEmpty()) {
      WebBases bases =
          WebBases.forRequest(
              topology, topology.primaryPool(), request.scheme(), request.host(), request.port());
      return done(gate.oauthChallenge(request, topology, bases.local()));
    }
    String user = ticket.get().sipUri();
    String prefix =
        PREFIXES.stream().filter(p -> request.lowerPath().startsWith(p)).findFirst().orElseThrow();
    String rest = request.path().substring(prefix.length());
    List<String> segments =
        rest.isEmpty() || rest.equals("/") ? List.of() : List.of(rest.substring(1).split("/"));
    try {
      return route(request, user, segments)
          .thenApply(response -> response.withJournal("user", user));
    } catch (UcwaBadRequestException bad) {
      return done(error(bad.refusal()));
    }
  }

  private CompletionStage<WebResponse> route(
      WebRequest request, String user, List<String> segments) {
    String method = request.method();
    if (segments.isEmpty()) {
      if (!method.equals("POST")) {
        return done(notAllowed());
      }
      return stepped(request, "ucwa.application.create")
          .orElseGet(
              () ->
                  done(
                      created(
                          applications.create(user, json.applicationRequest(request.body())),
                          json::application)));
    }
    String app = segments.get(0);
    String path = String.join("/", segments.subList(1, segments.size())).toLowerCase(Locale.ROOT);
    switch (path) {
      case "" -> {
        return switch (method) {
          case "GET" -> done(ok(applications.get(user, app), json::application));
          case "DELETE" -> done(noContent(applications.delete(user, app)));
          default -> done(notAllowed());
        };
      }
      case "me/makemeavailable" -> {
        return method.equals("POST")
            ? stepped(request, "ucwa.presence")
                .orElseGet(() -> done(noContent(applications.makeMeAvailable(user, app))))
            : done(notAllowed());
      }
      case "me/presence" -> {
        if (method.equals("GET")) {
          return done(ok(applications.presence(user, app), a -> json.presence(app, a)));
        }
        if (!method.equals("POST")) {
          return done(notAllowed());
        }
        return stepped(request, "ucwa.presence")
            .orElseGet(
                () ->
                    done(
                        noContent(
                            applications.setPresence(user, app, json.presence(request.body())))));
      }
      case "me/reportmyactivity" -> {
        return method.equals("POST")
            ? done(noContent(applications.reportMyActivity(user, app)))
            : done(notAllowed());
      }
      case "events" -> {
        return method.equals("GET") ? events(request, user, app) : done(notAllowed());
      }
      case "communication/messaginginvitations" -> {
        if (!method.equals("POST")) {
          return done(notAllowed());
        }
        return stepped(request, "ucwa.im.send")
            .orElseGet(
                () -> {
                  InvitationRequest invitation = json.invitationRequest(request.body());
                  return done(
                      created(
                          applications.startMessaging(
                              user,
                              app,
                              invitation.to(),
                              invitation.operationId(),
                              invitation.sessionContext(),
                              invitation.subject()),
                          i -> json.messagingInvitation(app, i)));
                });
      }
      default -> {
        return messages(request, user, app, segments);
      }
    }
  }

  /** {@code …/communication/conversations/<id>/messaging/messages}. */
  private CompletionStage<WebResponse> messages(
      WebRequest request, String user, String app, List<String> segments) {
    boolean shape =
        segments.size() == 6
            && segments.get(1).equalsIgnoreCase("communication")
            && segments.get(2).equalsIgnoreCase("conversations")
            && segments.get(4).equalsIgnoreCase("messaging")
            && segments.get(5).equalsIgnoreCase("messages");
    if (!shape) {
      return done(
          error(new UcwaRefusal(UcwaError.RESOURCE_NOT_FOUND, "The resource does not exist.")));
    }
    if (!request.method().equals("POST")) {
      return done(notAllowed());
    }
    String type = request.header("Content-Type").orElse("text/plain");
    String mediaType = type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (!mediaType.equals("text/plain") && !mediaType.equals("text/html")) {
      return done(
          error(
              new UcwaRefusal(
                  UcwaError.PARAMETER_VALIDATION_FAILURE,
                  "Messages are text/plain or text/html.")));
    }
    return stepped(request, "ucwa.im.send")
        .orElseGet(
            () -> {
              String text = new String(request.body(), StandardCharsets.UTF_8);
              Outcome<String, UcwaRefusal> sent =
                  applications.sendMessage(user, app, segments.get(3), mediaType, text);
              return done(sent.isOk() ? WebResponse.status(201) : error(sent.refusal()));
            });
  }

  private CompletionStage<WebResponse> events(WebRequest request, String user, String app) {
    Optional<WebResponse> faulted = request.step("ucwa.events");
    if (faulted.isPresent()) {
      return done(faulted.get());
    }
    long ack;
    long timeout;
    try {
      ack = Long.parseLong(request.queryParameter("ack").orElse("1").trim());
      timeout =
          Long.parseLong(
              request
                  .queryParameter("timeout")
                  .orElse(String.valueOf(DEFAULT_EVENT_TIMEOUT_SECONDS))
                  .trim());
    } catch (NumberFormatException notNumber) {
      return done(
          error(
              new UcwaRefusal(
                  UcwaError.PARAMETER_VALIDATION_FAILURE, "ack and timeout are whole numbers.")));
    }
    Duration wait = Duration.ofSeconds(Math.max(1, Math.min(MAX_EVENT_TIMEOUT_SECONDS, timeout)));
    return applications
        .events(user, app, ack, wait)
        .thenApply(
            result -> {
              if (!result.isOk()) {
                return error(result.refusal());
              }
              Optional<ApplicationInfo> info = applications.find(app);
              return info.isEmpty()
                  ? error(
                      new UcwaRefusal(
                          UcwaError.APPLICATION_NOT_FOUND, "The application does not exist."))
                  : json(200, json.events(info.get(), result.value()));
            });
  }

  private Optional<CompletionStage<WebResponse>> stepped(WebRequest request, String step) {
    return request.step(step).map(UcwaRoute::done);
  }

  private <T> WebResponse ok(Outcome<T, UcwaRefusal> result, Function<T, byte[]> body) {
    return result.isOk() ? json(200, body.apply(result.value())) : error(result.refusal());
  }

  private <T> WebResponse created(Outcome<T, UcwaRefusal> result, Function<T, byte[]> body) {
    return result.isOk() ? json(201, body.apply(result.value())) : error(result.refusal());
  }

  private <T> WebResponse noContent(Outcome<T, UcwaRefusal> result) {
    return result.isOk() ? WebResponse.status(204) : error(result.refusal());
  }

  private WebResponse notAllowed() {
    return error(
        new UcwaRefusal(
            UcwaError.METHOD_NOT_ALLOWED,
            "The requested HTTP method is not supported for this resource."));
  }

  private WebResponse error(UcwaRefusal refusal) {
    return json(refusal.error().httpStatus(), json.error(refusal))
        .withJournal("code", refusal.error().subcode().orElse(refusal.error().code()));
  }

  private static WebResponse json(int status, byte[] body) {
    return WebResponse.status(status).withBody(UcwaJson.CONTENT_TYPE + "; charset=utf-8", body);
  }

  private static CompletionStage<WebResponse> done(WebResponse response) {
    return CompletableFuture.completedFuture(response);
  }
}
