package io.lyncemu.mcx.web;

import io.lyncemu.core.fault.Fault;
import io.lyncemu.core.fault.FaultPlan;
import io.lyncemu.core.fault.FaultPoint;
import io.lyncemu.core.services.WindowsServices;
import io.lyncemu.core.time.EmulatorClock;
import io.lyncemu.core.topology.Deployment;
import io.lyncemu.mcx.iis.IisError;
import io.lyncemu.mcx.iis.IisErrorPage;
import io.lyncemu.mcx.iis.IisErrorPages;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Turns a fault decision into what a route does next: carry on (after a clock advance), carry on
 * but answer late (delay, summed per request), answer with the fault's status, or hand a transport
 * fault (reset, drop, stall) to the adapter. Thread-safe.
 */
public final class StepFaults {
  private final Deployment deployment;
  private final FaultPlan plan;
  private final EmulatorClock clock;
  private final WindowsServices services;
  private final IisErrorPages pages;

  public StepFaults(
      Deployment deployment,
      FaultPlan plan,
      EmulatorClock clock,
      WindowsServices services,
      IisErrorPages pages) {
    this.deployment = deployment;
    this.plan = plan;
    this.clock = clock;
    this.services = services;
    this.pages = pages;
  }

  /**
   * @param delay accumulates delays the caller must honour before answering
   */
  public Optional<WebResponse> at(FaultPoint point, AtomicReference<Duration> delay, String url) {
    Optional<Fault> decided = plan.decide(point);
    if (decided.isEmpty()) {
      return Optional.empty();
    }
    Fault fault = decided.get();
    if (fault instanceof Fault.Delay d) {
      delay.updateAndGet(current -> current.plus(d.amount()));
      return Optional.empty();
    }
    if (fault instanceof Fault.AdvanceClock a) {
      clock.advance(a.amount());
      return Optional.empty();
    }
    if (fault instanceof Fault.RespondWith r) {
      return Optional.of(respond(r, url));
    }
    if (fault instanceof Fault.StopService s) {
      // Stopping the service that owns this very listener closes the connection under us;
      // do it off the request thread and reset the connection, as a crashing server would.
      Thread stopper =
          new Thread(() -> services.stop(s.serviceName()), "lyncemu-stop-" + s.serviceName());
      stopper.setDaemon(true);
      stopper.start();
      return Optional.of(WebResponse.transport(new Fault.ResetConnection()));
    }
    return Optional.of(WebResponse.transport(fault));
  }

  private WebResponse respond(Fault.RespondWith r, String url) {
    WebResponse response = WebResponse.status(r.status());
    for (Map.Entry<String, String> header : r.headers()) {
      response = response.withHeader(header.getKey(), header.getValue());
    }
    if (!r.body().isEmpty()) {
      String type = response.header("Content-Type").orElse("text/html; charset=utf-8");
      return response.withBody(type, r.body());
    }
    return switch (r.status()) {
      case 401 ->
          page(
              WindowsChallenge.offer(response, deployment.current().webService().useWindowsAuth()),
              IisError.UNAUTHORIZED_LOGON_FAILED,
              url);
      case 400 -> page(response, IisError.BAD_REQUEST, url);
      case 404 -> page(response, IisError.NOT_FOUND, url);
      case 500 -> page(response, IisError.INTERNAL_SERVER_ERROR, url);
      default -> response;
    };
  }

  private WebResponse page(WebResponse response, IisError error, String url) {
    IisErrorPage page = pages.render(error, url);
    return response.withBody(page.contentType(), page.body());
  }
}
