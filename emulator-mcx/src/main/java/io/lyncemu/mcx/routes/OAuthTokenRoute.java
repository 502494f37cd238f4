package io.lyncemu.mcx.routes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lyncemu.core.journal.EventJournal;
import io.lyncemu.core.journal.EventKind;
import io.lyncemu.core.journal.NewEvent;
import io.lyncemu.core.topology.Deployment;
import io.lyncemu.core.topology.Topology;
import io.lyncemu.core.topology.User;
import io.lyncemu.mcx.iis.IisError;
import io.lyncemu.mcx.iis.IisErrorPages;
import io.lyncemu.mcx.web.WebRequest;
import io.lyncemu.mcx.web.WebResponse;
import io.lyncemu.mcx.web.WebRoute;
import io.lyncemu.mcx.webticket.IssuedTicket;
import io.lyncemu.mcx.webticket.SoapFaults;
import io.lyncemu.mcx.webticket.TicketKind;
import io.lyncemu.mcx.webticket.WebTicketStore;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.random.RandomGenerator;

/**
 * {@code POST /WebTicket/oauthtoken} as the UCWA docs describe it: {@code grant_type=password}
 * (username and password in the form), {@code urn:microsoft.rtc:windows} (NTLM/Negotiate at the
 * HTTP level, then the token), the documented 400 errors ({@code unsupported_grant_type} with
 * 28029, {@code invalid_grant} for bad credentials and for the passive grant), and a JSON token
 * answer with {@code access_token: "cwt=…"}, {@code expires_in}, {@code ms_rtc_identityscope} and
 * {@code token_type: Bearer}. Thread-safe.
 */
public final class OAuthTokenRoute implements WebRoute {
  static final String PATH = "/webticket/oauthtoken";
  private static final String JSON = "application/json; charset=utf-8";

  /** OAuth tokens last 8 hours per the UCWA docs. */
  static final Duration LIFETIME = Duration.ofHours(8);

  private final Deployment deployment;
  private final EventJournal journal;
  private final WebTicketStore tickets;
  private final WindowsLogon windows;
  private final IisErrorPages pages;
  private final Clock clock;
  private final int maxBodyBytes;
  private final ObjectMapper json = new ObjectMapper();

  public OAuthTokenRoute(
      Deployment deployment,
      EventJournal journal,
      WebTicketStore tickets,
      IisErrorPages pages,
      RandomGenerator random,
      Clock clock,
      int maxBodyBytes) {
    this.deployment = deployment;
    this.journal = journal;
    this.tickets = tickets;
    this.pages = pages;
    this.clock = clock;
    this.maxBodyBytes = maxBodyBytes;
    this.windows = new WindowsLogon(deployment, journal, pages, random, clock, component());
  }

  @Override
  public String component() {
    return "oauth";
  }

  @Override
  public boolean accepts(WebRequest request) {
    return request.lowerPath().equals(PATH) || request.lowerPath().equals(PATH + "/");
  }

  @Override
  public CompletionStage<WebResponse> handle(WebRequest request) {
    return CompletableFuture.completedFuture(answer(request));
  }

  private WebResponse answer(WebRequest request) {
    String url = request.baseUrl() + request.path();
    if (!request.method().equals("POST")) {
      var page = pages.render(IisError.METHOD_NOT_ALLOWED, url);
      return WebResponse.status(405)
          .withHeader("Allow", "POST")
          .withBody(page.contentType(), page.body());
    }
    String type = request.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
    if (!type.startsWith("application/x-www-form-urlencoded")) {
      return error(
          400, "invalid_request", 0, "The request must be application/x-www-form-urlencoded.");
    }
    Map<String, String> form = form(new String(request.body(), StandardCharsets.UTF_8));
    String grant = form.getOrDefault("grant_type", "");
    Topology topology = deployment.current();
    switch (grant) {
      case "password" -> {
        String username = form.getOrDefault("username", "");
        Optional<User> user = lookup(topology, username);
        if (user.isEmpty() || !user.get().password().equals(form.getOrDefault("password", ""))) {
          journal.record(
              event(request, EventKind.AUTH_FAILED)
                  .with("scheme", "password")
                  .with("user", username)
                  .with("reason", user.isEmpty() ? "UNKNOWN_USER" : "WRONG_PASSWORD"));
          return error(
              400,
              "invalid_grant",
              SoapFaults.NO_VALID_SECURITY_TOKEN_ID,
              "No valid security token.");
        }
        return token(request, user.get(), "password");
      }
      case "urn:microsoft.rtc:windows" -> {
        WindowsLogon.Outcome outcome = windows.logon(request);
        if (outcome instanceof WindowsLogon.Outcome.Respond respond) {
          return respond.response();
        }
        return token(request, ((WindowsLogon.Outcome.LoggedOn) outcome).user(), "windows");
      }
      case "urn:microsoft.rtc:passive" -> {
        ObjectNode body = json.createObjectNode();
        body.put("error", "invalid_grant");
        body.put(
            "ms_rtc_passiveauthuri",
            request.baseUrl() + "/WebTicket/WebTicketService.svc/WsFed_bearer");
        return WebResponse.status(400).withBody(JSON, body.toString());
      }
      default -> {
        journal.record(
            event(request, EventKind.AUTH_FAILED)
                .with("scheme", grant)
                .with("reason", "unsupported grant"));
        return error(
            400,
            "unsupported_grant_type",
            SoapFaults.AUTHENTICATION_TYPE_NOT_ALLOWED_ID,
            "Authentication type not allowed.");
      }
    }
  }

  private WebResponse token(WebRequest request, User user, String grant) {
    if (!user.isEnabled()) {
      journal.record(
          event(request, EventKind.TICKET_REJECTED)
              .with("user", user.sipAddress())
              .with("reason", "user disabled"));
      return error(
          400, "invalid_grant", SoapFaults.ACCOUNT_DISABLED_ID, "The user account is disabled.");
    }
    Optional<WebResponse> faulted = request.step("oauth.token");
    if (faulted.isPresent()) {
      return faulted.get();
    }
    IssuedTicket ticket =
        tickets.issue(
            user.sipAddress(), request.baseUrl(), LIFETIME, TicketKind.OAUTH_ACCESS_TOKEN);
    journal.record(
        event(request, EventKind.TICKET_ISSUED)
            .with("user", user.sipAddress())
            .with("kind", "oauth")
            .with("grant", grant)
            .with("expires", ticket.expires().toString()));
    ObjectNode body = json.createObjectNode();
    body.put("access_token", ticket.cwt());
    body.put("expires_in", Duration.between(clock.instant(), ticket.expires()).toSeconds());
    body.put("ms_rtc_identityscope", "local");
    body.put("token_type", "Bearer");
    return WebResponse.status(200)
        .withBody(JSON, body.toString())
        .withJournal("user", user.sipAddress());
  }

  private static Optional<User> lookup(Topology topology, String username) {
    int slash = username.indexOf('\\');
    return slash > 0
        ? topology.findByLogon(username.substring(0, slash), username.substring(slash + 1))
        : topology.findUser(username);
  }

  private WebResponse error(int status, String code, int diagnosticId, String reason) {
    ObjectNode body = json.createObjectNode();
    body.put("error", code);
    WebResponse response = WebResponse.status(status).withBody(JSON, body.toString());
    if (diagnosticId > 0) {
      response =
          response.withHeader(
              "X-Ms-diagnostics",
              SoapFaults.diagnosticsHeader(
                  diagnosticId,
                  deployment.current().primaryPool().fqdn(),
                  reason,
                  Optional.empty()));
    }
    return response;
  }

  private Map<String, String> form(String body) {
    Map<String, String> form = new LinkedHashMap<>();
    if (body.length() > maxBodyBytes) {
      return form;
    }
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      try {
        String name =
            URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value =
            eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        form.putIfAbsent(name, value);
      } catch (IllegalArgumentException malformed) {
        // A broken escape makes the pair unusable; the grant checks below report what is missing.
      }
    }
    return form;
  }

  private NewEvent event(WebRequest request, EventKind kind) {
    return NewEvent.of(component(), kind)
        .withConnection(request.connectionId())
        .withPeer(request.remote());
  }
}
