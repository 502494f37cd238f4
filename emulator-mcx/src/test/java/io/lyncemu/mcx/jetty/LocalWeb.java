package io.lyncemu.mcx.jetty;

import io.lyncemu.core.fault.FaultPlan;
import io.lyncemu.core.services.WindowsServices;
import io.lyncemu.mcx.Litwareinc;
import io.lyncemu.mcx.McxConfig;
import io.lyncemu.mcx.iis.IisErrorPages;
import io.lyncemu.mcx.mobility.McxSessions;
import io.lyncemu.mcx.routes.AutodiscoverRoute;
import io.lyncemu.mcx.routes.McxRoute;
import io.lyncemu.mcx.routes.UcwaRoute;
import io.lyncemu.mcx.ucwa.UcwaApplications;
import io.lyncemu.mcx.web.StepFaults;
import io.lyncemu.mcx.web.WebDispatcher;
import io.lyncemu.mcx.web.WebRoute;
import io.lyncemu.mcx.webticket.IssuedTicket;
import io.lyncemu.mcx.webticket.SamlAssertionIssuer;
import io.lyncemu.mcx.webticket.TicketKind;
import io.lyncemu.mcx.webticket.WebTicketStore;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.eclipse.jetty.http.HttpTester;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;

/**
 * The autodiscover, MCX and UCWA routes behind the real Jetty adapter on a {@link LocalConnector}
 * (no socket), over the litwareinc deployment with a stopped clock. Tickets are issued straight
 * from the store. Close it in {@code @AfterEach}.
 */
public final class LocalWeb implements AutoCloseable {
  public static final String HTTPS = "web-https";
  private static final SamlAssertionIssuer ISSUER = issuer();

  public final Litwareinc lab = new Litwareinc();
  public final FaultPlan faults = new FaultPlan(lab.clock, lab.journal);
  public final WebTicketStore tickets =
      new WebTicketStore(ISSUER, lab.clock, new SecureRandom(), 1_000);
  public final McxSessions mobility =
      new McxSessions(lab.deployment, lab.router, lab.journal, lab.clock, lab.scheduler);
  public final UcwaApplications ucwa =
      new UcwaApplications(lab.deployment, lab.router, lab.journal, lab.clock, lab.scheduler);
  private final Server server = new Server();
  private final LocalConnector connector = new LocalConnector(server, iisLike());

  public LocalWeb() {
    IisErrorPages pages = IisErrorPages.iis85();
    List<WebRoute> routes =
        List.of(
            new AutodiscoverRoute(lab.deployment, lab.journal, tickets, pages),
            new McxRoute(lab.deployment, mobility, tickets, pages, 64 * 1024),
            new UcwaRoute(lab.deployment, ucwa, tickets, pages));
    WebDispatcher dispatcher = new WebDispatcher(routes, lab.deployment, lab.journal, pages);
    StepFaults steps =
        new StepFaults(lab.deployment, faults, lab.clock, new WindowsServices(lab.journal), pages);
    connector.setName(HTTPS);
    server.addConnector(connector);
    server.setHandler(
        new JettyWebHandler(dispatcher, steps, 64 * 1024, McxConfig.DEFAULT_IDLE_TIMEOUT));
    try {
      server.start();
    } catch (Exception e) {
      throw new IllegalStateException("local Jetty did not start", e);
    }
  }

  /** A SAML ticket for {@code sipUri}, as the Web Ticket service would issue it. */
  public IssuedTicket samlTicket(String sipUri) {
    return tickets.issue(sipUri, "", Duration.ofHours(8), TicketKind.SAML_1_1);
  }

  /** An OAuth token for {@code sipUri}, as /WebTicket/oauthtoken would issue it. */
  public IssuedTicket oauthToken(String sipUri) {
    return tickets.issue(sipUri, "", Duration.ofHours(8), TicketKind.OAUTH_ACCESS_TOKEN);
  }

  /** Sends a raw HTTP/1.1 request and parses the answer; waits at most 5 s. */
  public HttpTester.Response exchange(String rawRequest) {
    try {
      return HttpTester.parseResponse(connector.getResponse(rawRequest, 5, TimeUnit.SECONDS));
    } catch (Exception e) {
      throw new IllegalStateException("local exchange failed", e);
    }
  }

  /** Sends a request whose answer comes later (a long poll); read it with {@link #answer}. */
  public LocalConnector.LocalEndPoint send(String rawRequest) {
    return connector.executeRequest(rawRequest);
  }

  public static HttpTester.Response answer(LocalConnector.LocalEndPoint endPoint) {
    try {
      return HttpTester.parseResponse(endPoint.getResponse(false, 5, TimeUnit.SECONDS));
    } catch (Exception e) {
      throw new IllegalStateException("no answer", e);
    }
  }

  /** A request with a body; {@code headers} are complete lines ending in CRLF. */
  public static String request(String method, String target, String headers, String body) {
    byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return method
        + " "
        + target
        + " HTTP/1.1\r\n"
        + headers
        + (body.isEmpty() && method.equals("GET") ? "" : "Content-Length: " + bytes.length + "\r\n")
        + "\r\n"
        + body;
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("local Jetty did not stop", e);
    } finally {
      mobility.close();
      ucwa.close();
      lab.close();
    }
  }

  /** As the production listeners: IIS sends no Jetty Server header of its own. */
  private static HttpConnectionFactory iisLike() {
    HttpConfiguration config = new HttpConfiguration();
    config.setSendServerVersion(false);
    config.setSendXPoweredBy(false);
    return new HttpConnectionFactory(config);
  }

  private static SamlAssertionIssuer issuer() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair keys = generator.generateKeyPair();
      Instant from = Instant.parse("2013-01-01T00:00:00Z");
      X500Name name = new X500Name("CN=atl-cs-001.litwareinc.com");
      X509Certificate certificate =
          new JcaX509CertificateConverter()
              .getCertificate(
                  new JcaX509v3CertificateBuilder(
                          name,
                          BigInteger.ONE,
                          Date.from(from),
                          Date.from(from.plus(3650, ChronoUnit.DAYS)),
                          name,
                          keys.getPublic())
                      .build(
                          new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
      return new SamlAssertionIssuer(
          "https://atl-cs-001.litwareinc.com/WebTicket/WebTicketService.svc", keys, certificate);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
