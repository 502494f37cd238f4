package io.lyncemu.mcx;

import io.lyncemu.core.lifecycle.Service;
import io.lyncemu.mcx.iis.IisErrorPages;
import io.lyncemu.mcx.jetty.JettyWebServer;
import io.lyncemu.mcx.mobility.McxSessions;
import io.lyncemu.mcx.routes.AutodiscoverRoute;
import io.lyncemu.mcx.routes.McxRoute;
import io.lyncemu.mcx.routes.OAuthTokenRoute;
import io.lyncemu.mcx.routes.UcwaRoute;
import io.lyncemu.mcx.routes.WebTicketRoute;
import io.lyncemu.mcx.ucwa.UcwaApplications;
import io.lyncemu.mcx.web.StepFaults;
import io.lyncemu.mcx.web.WebDispatcher;
import io.lyncemu.mcx.web.WebRoute;
import io.lyncemu.mcx.webticket.SamlAssertionIssuer;
import io.lyncemu.mcx.webticket.WebTicketStore;
import java.net.InetSocketAddress;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The Front End's web services (autodiscover, Web Ticket service, OAuth, MCX, UCWA) on one HTTPS
 * and one HTTP listener, as IIS hosts them. Builds the routes from the shared core collaborators
 * and delegates the listening to the Jetty adapter. Thread-safe.
 */
public final class McxServer implements Service {
  public static final String HTTPS = "web-https";
  public static final String HTTP = "web-http";

  /** Tickets kept at most; the oldest are evicted first. */
  static final int TICKET_CAPACITY = 100_000;

  private final McxContext context;
  private final WebTicketStore tickets;
  private final ScheduledExecutorService timers;
  private final McxSessions mobility;
  private final UcwaApplications ucwa;
  private final JettyWebServer server;

  public McxServer(McxConfig config, McxContext context) {
    this.context = context;
    String pool = context.deployment().current().primaryPool().fqdn();
    SamlAssertionIssuer issuer =
        new SamlAssertionIssuer(
            "https://" + pool + "/WebTicket/WebTicketService.svc",
            new KeyPair(context.tls().certificate().getPublicKey(), context.tls().privateKey()),
            context.tls().certificate());
    this.tickets = new WebTicketStore(issuer, context.clock(), context.random(), TICKET_CAPACITY);
    // One timer thread releases every held long poll (MCX getEvents, UCWA events); none waits.
    this.timers =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "lyncemu-web-timers");
              thread.setDaemon(true);
              return thread;
            });
    this.mobility =
        new McxSessions(
            context.deployment(), context.router(), context.journal(), context.clock(), timers);
    this.ucwa =
        new UcwaApplications(
            context.deployment(), context.router(), context.journal(), context.clock(), timers);
    IisErrorPages pages = IisErrorPages.iis85();
    WebDispatcher dispatcher =
        new WebDispatcher(routes(config, pages), context.deployment(), context.journal(), pages);
    StepFaults faults =
        new StepFaults(
            context.deployment(), context.faults(), context.clock(), context.services(), pages);
    this.server =
        new JettyWebServer(
            "web", HTTPS, HTTP, config, context.tls().serverContext(), dispatcher, faults);
  }

  private List<WebRoute> routes(McxConfig config, IisErrorPages pages) {
    List<WebRoute> routes = new ArrayList<>();
    routes.add(
        new WebTicketRoute(
            context.deployment(),
            context.journal(),
            tickets,
            pages,
            context.random(),
            context.clock(),
            config.maxRequestBytes()));
    routes.add(
        new OAuthTokenRoute(
            context.deployment(),
            context.journal(),
            tickets,
            pages,
            context.random(),
            context.clock(),
            config.maxRequestBytes()));
    routes.add(new AutodiscoverRoute(context.deployment(), context.journal(), tickets, pages));
    routes.add(
        new McxRoute(context.deployment(), mobility, tickets, pages, config.maxRequestBytes()));
    routes.add(new UcwaRoute(context.deployment(), ucwa, tickets, pages));
    return routes;
  }

  /** The live MCX sessions (for push notifications and the admin view). */
  public McxSessions mobility() {
    return mobility;
  }

  /** The live UCWA applications. */
  public UcwaApplications ucwa() {
    return ucwa;
  }

  /** The tickets issued so far; MCX and UCWA validate presented tickets against it. */
  public WebTicketStore tickets() {
    return tickets;
  }

  @Override
  public String name() {
    return "web";
  }

  @Override
  public void start() {
    server.start();
  }

  @Override
  public void stop() {
    server.stop();
  }

  /**
   * Stops the listeners and ends every MCX session and UCWA application for good. A plain {@link
   * #stop()} keeps them, as sessions outlive an IIS restart until they expire.
   */
  @Override
  public void close() {
    stop();
    mobility.close();
    ucwa.close();
    timers.shutdownNow();
  }

  @Override
  public boolean isRunning() {
    return server.isRunning();
  }

  @Override
  public Map<String, InetSocketAddress> endpoints() {
    return server.endpoints();
  }
}
