package io.lyncemu.mcx.routes;

import io.lyncemu.core.journal.EventJournal;
import io.lyncemu.core.journal.EventKind;
import io.lyncemu.core.journal.NewEvent;
import io.lyncemu.core.topology.Deployment;
import io.lyncemu.core.topology.Topology;
import io.lyncemu.core.topology.User;
import io.lyncemu.core.topology.WindowsAuth;
import io.lyncemu.mcx.auth.AuthStep;
import io.lyncemu.mcx.auth.NtlmServerHandshake;
import io.lyncemu.mcx.auth.NtlmServerIdentity;
import io.lyncemu.mcx.iis.IisError;
import io.lyncemu.mcx.iis.IisErrorPages;
import io.lyncemu.mcx.web.WebRequest;
import io.lyncemu.mcx.web.WebResponse;
import io.lyncemu.mcx.web.WindowsChallenge;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Integrated Windows authentication as IIS performs it in front of the Web Ticket service: the bare
 * 401 challenge, the NTLM/Negotiate legs bound to the TCP connection, and a connection that stays
 * authenticated once it has logged on (IIS's default for NTLM). Thread-safe; per-connection state
 * lives on the connection.
 */
final class WindowsLogon {
  private static final String HANDSHAKE = "lyncemu.ntlm.handshake";
  private static final String LOGGED_ON = "lyncemu.ntlm.user";

  /** The outcome of one request's logon attempt. */
  sealed interface Outcome {
    record LoggedOn(User user) implements Outcome {}

    record Respond(WebResponse response) implements Outcome {}
  }

  private final Deployment deployment;
  private final EventJournal journal;
  private final IisErrorPages pages;
  private final RandomGenerator random;
  private final Clock clock;
  private final String component;

  WindowsLogon(
      Deployment deployment,
      EventJournal journal,
      IisErrorPages pages,
      RandomGenerator random,
      Clock clock,
      String component) {
    this.deployment = deployment;
    this.journal = journal;
    this.pages = pages;
    this.random = random;
    this.clock = clock;
    this.component = component;
  }

  Outcome logon(WebRequest request) {
    Topology topology = deployment.current();
    WindowsAuth offered = topology.webService().useWindowsAuth();
    Optional<String> authorization = request.header("Authorization");
    String url = request.baseUrl() + request.path();
    if (authorization.isEmpty()) {
      String remembered = request.connection().get(LOGGED_ON, String.class);
      if (remembered != null && offered != WindowsAuth.NONE) {
        Optional<User> user = topology.findUser(remembered);
        if (user.isPresent()) {
          return new Outcome.LoggedOn(user.get());
        }
      }
      Optional<WebResponse> faulted = request.step("webticket.challenge");
      if (faulted.isPresent()) {
        return new Outcome.Respond(faulted.get());
      }
      journal.record(event(request, EventKind.AUTH_CHALLENGE).with("offered", offered.display()));
      return new Outcome.Respond(unauthorized(offered, IisError.UNAUTHORIZED_NO_CREDENTIALS, url));
    }
    String header = authorization.get().trim();
    int space = header.indexOf(' ');
    String scheme = space < 0 ? header : header.substring(0, space);
    String token = space < 0 ? "" : header.substring(space + 1).trim();
    boolean schemeOffered =
        (scheme.equalsIgnoreCase("NTLM") && offered.offersNtlm())
            || (scheme.equalsIgnoreCase("Negotiate") && offered.offersNegotiate());
    if (!schemeOffered || token.isEmpty()) {
      request.connection().remove(HANDSHAKE);
      journal.record(
          event(request, EventKind.AUTH_FAILED)
              .with("scheme", scheme)
              .with(
                  "reason",
                  token.isEmpty()
                      ? "no token"
                      : "scheme "
                          + scheme
                          + " not offered (UseWindowsAuth "
                          + offered.display()
                          + ")"));
      return new Outcome.Respond(unauthorized(offered, IisError.UNAUTHORIZED_LOGON_FAILED, url));
    }
    NtlmServerHandshake handshake =
        request
            .connection()
            .computeIfAbsent(HANDSHAKE, NtlmServerHandshake.class, () -> newHandshake());
    AuthStep step = handshake.accept(scheme, token);
    if (step instanceof AuthStep.Challenge challenge) {
      Optional<WebResponse> faulted = request.step("webticket.negotiate");
      if (faulted.isPresent()) {
        return new Outcome.Respond(faulted.get());
      }
      journal.record(
          event(request, EventKind.AUTH_CHALLENGE).with("scheme", scheme).with("leg", "challenge"));
      WebResponse response =
          WebResponse.status(401).withHeader("WWW-Authenticate", challenge.headerValue());
      return new Outcome.Respond(page(response, IisError.UNAUTHORIZED_LOGON_FAILED, url));
    }
    request.connection().remove(HANDSHAKE);
    if (step instanceof AuthStep.Rejected rejected) {
      journal.record(
          event(request, EventKind.AUTH_FAILED)
              .with("scheme", scheme)
              .with("reason", rejected.failure().name())
              .with("status", rejected.failure().statusName())
              .with("detail", rejected.detail()));
      return new Outcome.Respond(unauthorized(offered, IisError.UNAUTHORIZED_LOGON_FAILED, url));
    }
    AuthStep.Authenticated done = (AuthStep.Authenticated) step;
    Optional<WebResponse> faulted = request.step("webticket.authenticate");
    if (faulted.isPresent()) {
      journal.record(
          event(request, EventKind.AUTH_FAILED)
              .with("scheme", scheme)
              .with("user", done.domain() + "\\" + done.user())
              .with("reason", "fault injected"));
      return new Outcome.Respond(faulted.get());
    }
    Optional<User> user = deployment.current().findByLogon(done.domain(), done.user());
    if (user.isEmpty()) { // the password matched a user who was removed between the legs
      journal.record(
          event(request, EventKind.AUTH_FAILED)
              .with("scheme", scheme)
              .with("reason", "UNKNOWN_USER"));
      return new Outcome.Respond(unauthorized(offered, IisError.UNAUTHORIZED_LOGON_FAILED, url));
    }
    request.connection().computeIfAbsent(LOGGED_ON, String.class, () -> user.get().sipAddress());
    journal.record(
        event(request, EventKind.AUTH_SUCCEEDED)
            .with("scheme", scheme)
            .with("user", user.get().sipAddress())
            .with("logon", done.domain() + "\\" + done.user()));
    return new Outcome.LoggedOn(user.get());
  }

  private NtlmServerHandshake newHandshake() {
    Topology topology = deployment.current();
    String pool = topology.primaryPool().fqdn();
    String computer = pool.contains(".") ? pool.substring(0, pool.indexOf('.')) : pool;
    NtlmServerIdentity identity =
        new NtlmServerIdentity(
            computer.toUpperCase(Locale.ROOT),
            topology.netbiosDomain(),
            pool,
            topology.sipDomain(),
            topology.sipDomain());
    // Passwords are looked up on every attempt, so Set-ADAccountPassword takes effect at once.
    return new NtlmServerHandshake(
        identity,
        (domain, account) -> deployment.current().findByLogon(domain, account).map(User::password),
        random,
        clock);
  }

  /** The bare IIS 401: fresh Windows challenge headers and the HTML error page. */
  WebResponse unauthorized(WindowsAuth offered, IisError error, String url) {
    return page(WindowsChallenge.offer(WebResponse.status(401), offered), error, url);
  }

  private WebResponse page(WebResponse response, IisError error, String url) {
    var page = pages.render(error, url);
    return response.withBody(page.contentType(), page.body());
  }

  private NewEvent event(WebRequest request, EventKind kind) {
    return NewEvent.of(component, kind)
        .withConnection(request.connectionId())
        .withPeer(request.remote());
  }
}
