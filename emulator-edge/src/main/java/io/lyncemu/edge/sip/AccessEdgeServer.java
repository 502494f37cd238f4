package io.lyncemu.edge.sip;

import gov.nist.javax.sip.EventScanner;
import gov.nist.javax.sip.EventWrapper;
import gov.nist.javax.sip.SipStackImpl;
import io.lyncemu.core.journal.NewEvent;
import io.lyncemu.core.lifecycle.Service;
import io.lyncemu.core.lifecycle.StartupException;
import io.lyncemu.core.topology.Topology;
import io.lyncemu.edge.sip.routing.Direction;
import io.lyncemu.edge.sip.routing.FederationPolicy;
import io.lyncemu.edge.sip.routing.FederationRequest;
import io.lyncemu.edge.sip.routing.SipRoutingDecision;
import io.lyncemu.edge.sip.routing.SipRoutingDecision.DeliverInside;
import io.lyncemu.edge.sip.routing.SipRoutingDecision.Reject;
import io.lyncemu.edge.sip.routing.SipRoutingDecision.Route;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.EventObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.SipException;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Edge Server's Access Edge: a JAIN-SIP stack of its own (unique STACK_NAME, TLS contexts
 * handed over through {@link EdgeNetworkLayer}) with an MTLS listener (Lync: 5061) and an
 * emulator-only plain TCP listener. Requests from federated partners for the local domain go to the
 * inside ({@link InboundRequests}); requests from the inside, whether from {@link #sendFromInside}
 * or from an internal client over the network (Test-CsFederatedPartner), go to the partner's edge
 * that {@link FederationPolicy} picks, read from the live topology at request time. While running,
 * the TLS port is registered as {@code <access edge fqdn>:5061} (and the internal FQDN's) in the
 * emulated ports, and both listeners in the connection table.
 */
public final class AccessEdgeServer implements Service, SipListener {
  /** Listener (endpoint) names, as the assembly's ListenerSpecs name them. */
  public static final String TLS = "access-edge-tls";

  public static final String TCP = "access-edge-tcp";
  static final String SOURCE = "access-edge";
  static final String OWNER = "RTCSRV";
  private static final AtomicInteger STACKS = new AtomicInteger();
  private static final Logger LOG = LoggerFactory.getLogger(AccessEdgeServer.class);

  private final AccessEdgeConfig config;
  private final AccessEdgeEnvironment environment;
  private final FederationPolicy policy;
  private final PartnerTransports partnerTransports = new PartnerTransports();
  private final SipFactories sip = new SipFactories();
  private final OutboundSender outbound = new OutboundSender(this, sip);
  private final InboundRequests inbound = new InboundRequests(this, sip);
  private final Object lock = new Object();

  private SipStackImpl stack;
  private SipProvider provider;
  private ExecutorService executor;
  private final List<AutoCloseable> registrations = new ArrayList<>();
  private volatile Map<String, InetSocketAddress> endpoints = Map.of();

  public AccessEdgeServer(AccessEdgeConfig config, AccessEdgeEnvironment environment) {
    this.config = Objects.requireNonNull(config, "config");
    this.environment = Objects.requireNonNull(environment, "environment");
    this.policy = new FederationPolicy(environment.resolver(), environment.emulatedPorts());
  }

  @Override
  public String name() {
    return "access-edge";
  }

  public AccessEdgeConfig config() {
    return config;
  }

  AccessEdgeEnvironment environment() {
    return environment;
  }

  FederationPolicy policy() {
    return policy;
  }

  /** Which partner edges are dialled over TCP instead of TLS (for SIPp partners). */
  public PartnerTransports partnerTransports() {
    return partnerTransports;
  }

  SipProvider provider() {
    SipProvider p = provider;
    if (p == null) {
      throw new IllegalStateException("the Access Edge is stopped");
    }
    return p;
  }

  String internalFqdn() {
    return environment.deployment().current().edge().internalFqdn();
  }

  String accessEdgeFqdn() {
    return environment.deployment().current().edge().accessEdgeFqdn();
  }

  void record(NewEvent event) {
    environment.journal().record(event);
  }

  @Override
  public void start() {
    synchronized (lock) {
      if (stack != null) {
        return;
      }
      Slf4jStackLogger.install();
      // JAIN-SIP rejects port 0, so an ephemeral port is chosen by binding and releasing a socket
      // first; another process could take it in between, hence the retries.
      int attempts = config.tlsPort() == 0 || config.tcpPort() == 0 ? 5 : 1;
      for (int attempt = 1; ; attempt++) {
        try {
          startOnce(choose(config.tlsPort()), config.tcpPort() < 0 ? -1 : choose(config.tcpPort()));
          return;
        } catch (StartupException e) {
          if (attempt >= attempts) {
            throw e;
          }
        }
      }
    }
  }

  private int choose(int port) {
    if (port != 0) {
      return port;
    }
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(config.bindHost()))) {
      return probe.getLocalPort();
    } catch (IOException e) {
      throw new StartupException(
          "the Access Edge cannot bind " + config.bindHost() + ": " + e.getMessage(), e);
    }
  }

  private void startOnce(int tlsPort, int tcpPort) {
    String stackName = "lyncemu-access-edge-" + STACKS.incrementAndGet();
    List<AutoCloseable> opened = new ArrayList<>();
    SipStackImpl created = null;
    try {
      opened.add(
          StackTls.register(
              stackName, new StackTls.Contexts(environment.serverTls(), environment.clientTls())));
      created = new SipStackImpl(properties(stackName));
      Map<String, InetSocketAddress> bound = new LinkedHashMap<>();
      ListeningPoint tls = created.createListeningPoint(config.bindHost(), tlsPort, "tls");
      SipProvider createdProvider = created.createSipProvider(tls);
      bound.put(TLS, new InetSocketAddress(config.bindHost(), tls.getPort()));
      if (tcpPort >= 0) {
        ListeningPoint tcp = created.createListeningPoint(config.bindHost(), tcpPort, "tcp");
        createdProvider.addListeningPoint(tcp);
        bound.put(TCP, new InetSocketAddress(config.bindHost(), tcp.getPort()));
      }
      createdProvider.addSipListener(this);
      created.start();
      Topology topology = environment.deployment().current();
      int boundTls = bound.get(TLS).getPort();
      for (String fqdn :
          List.of(topology.edge().accessEdgeFqdn(), topology.edge().internalFqdn())) {
        opened.add(
            environment
                .emulatedPorts()
                .register(fqdn, FederationPolicy.SIP_FEDERATION_PORT, boundTls));
      }
      for (InetSocketAddress address : bound.values()) {
        opened.add(environment.connections().listening(OWNER, address));
      }
      executor =
          Executors.newCachedThreadPool(
              task -> {
                Thread thread = new Thread(task, "lyncemu-access-edge-outbound");
                thread.setDaemon(true);
                return thread;
              });
      stack = created;
      provider = createdProvider;
      registrations.addAll(opened);
      endpoints = Map.copyOf(bound);
    } catch (Exception e) {
      if (created != null) {
        shutDown(created, null);
      }
      closeAll(opened);
      throw new StartupException(
          "the Access Edge could not listen on "
              + config.bindHost()
              + " TLS port "
              + tlsPort
              + (tcpPort >= 0 ? " and TCP port " + tcpPort : "")
              + ": "
              + e.getMessage()
              + " (free the ports or choose others)",
          e);
    }
  }

  private Properties properties(String stackName) {
    Properties p = new Properties();
    p.setProperty("javax.sip.STACK_NAME", stackName);
    p.setProperty("gov.nist.javax.sip.NETWORK_LAYER", EdgeNetworkLayer.class.getName());
    p.setProperty("gov.nist.javax.sip.STACK_LOGGER", Slf4jStackLogger.class.getName());
    // The Edge answers every request itself; no dialogs are kept.
    p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
    p.setProperty("gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE", "Disabled");
    p.setProperty(
        "gov.nist.javax.sip.MAX_MESSAGE_SIZE", Integer.toString(config.maxMessageBytes()));
    p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
    p.setProperty("gov.nist.javax.sip.READ_TIMEOUT", "10000");
    p.setProperty("gov.nist.javax.sip.CACHE_CLIENT_CONNECTIONS", "true");
    return p;
  }

  @Override
  public void stop() {
    synchronized (lock) {
      if (stack == null) {
        return;
      }
      endpoints = Map.of();
      outbound.abandonAll();
      SipStackImpl stopping = stack;
      SipProvider stoppingProvider = provider;
      stack = null;
      provider = null;
      shutDown(stopping, stoppingProvider);
      executor.shutdownNow();
      try {
        executor.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      closeAll(registrations);
      registrations.clear();
    }
  }

  /**
   * Deletes the provider before stopping the stack: JAIN-SIP's stop() alone leaves each provider's
   * EventScannerThread running.
   */
  private void shutDown(SipStackImpl sipStack, SipProvider sipProvider) {
    EventScanner scanner = sipStack.getEventScanner();
    if (sipProvider != null) {
      try {
        sipProvider.removeSipListener(this);
        sipStack.deleteSipProvider(sipProvider);
      } catch (javax.sip.ObjectInUseException e) {
        LOG.debug("could not delete the Access Edge's SIP provider", e);
      } catch (RuntimeException e) {
        // JAIN-SIP 1.3.0-91 throws a NullPointerException closing a TCP channel whose outgoing
        // connect never completed (TCPMessageChannel.close with no socket); the stack must still
        // stop, so carry on.
        LOG.debug("JAIN-SIP failed while closing a channel of the Access Edge", e);
      }
    }
    try {
      sipStack.stop();
    } catch (RuntimeException e) {
      LOG.debug("JAIN-SIP failed while stopping the Access Edge's stack", e);
    }
    // stop() leaves the stack's EventScannerThread blocked in take() on its event queue: mark it
    // stopped, then wake it with an empty event so that it sees the flag and ends.
    // The scanner casts an event's source to SipProviderImpl before it looks at the stop flag, so
    // the wake-up event must come from the (now deleted, listener-less) provider; a stack that
    // never had a provider has no scanner waiting on one.
    if (scanner != null && sipProvider != null) {
      scanner.forceStop();
      scanner.addEvent(new EventWrapper(new EventObject(sipProvider), null));
    }
  }

  private static void closeAll(List<AutoCloseable> handles) {
    for (int i = handles.size() - 1; i >= 0; i--) {
      try {
        handles.get(i).close();
      } catch (Exception ignored) {
        // Nothing else to release.
      }
    }
  }

  @Override
  public boolean isRunning() {
    return provider != null;
  }

  @Override
  public Map<String, InetSocketAddress> endpoints() {
    return endpoints;
  }

  /**
   * Sends {@code spec} from the inside to a federated domain, as the Mobility Service sends {@code
   * MESSAGE sip:push@push.lync.com}: the federation rules apply, then the partner's edge answers.
   * Never blocks; the stage completes with the partner's final response, the Edge's 403, or a 504.
   */
  public CompletionStage<SipOutcome> sendFromInside(SipRequestSpec spec) {
    return sendFromInside(spec, true);
  }

  /** {@code senderMayFederate}: the sending user's external access policy allows federation. */
  CompletableFuture<SipOutcome> sendFromInside(SipRequestSpec spec, boolean senderMayFederate) {
    String fromDomain = SipFactories.hostOf(spec.from());
    String toDomain = SipFactories.hostOf(spec.to());
    FederationRequest request =
        new FederationRequest(Direction.OUTBOUND, fromDomain, toDomain, senderMayFederate, "");
    return routeOutbound(spec, request);
  }

  CompletableFuture<SipOutcome> routeOutbound(SipRequestSpec spec, FederationRequest request) {
    if (!isRunning()) {
      return CompletableFuture.completedFuture(
          outbound.outcomeOf(
              io.lyncemu.edge.sip.routing.Diagnostics.connectFailed(
                  request.toDomain(), accessEdgeFqdn(), "the Access Edge is stopped")));
    }
    SipRoutingDecision decision = policy.decide(environment.deployment().current(), request);
    if (decision instanceof Reject reject) {
      return CompletableFuture.completedFuture(outbound.outcomeOf(reject));
    }
    if (decision instanceof DeliverInside) {
      return CompletableFuture.completedFuture(
          new SipOutcome(403, "Forbidden", "emulator: the request is for the local domain"));
    }
    Route route = (Route) decision;
    CompletableFuture<SipOutcome> result = new CompletableFuture<>();
    try {
      executor.execute(
          () ->
              outbound
                  .send(spec, request.toDomain(), route)
                  .whenComplete(
                      (outcome, error) -> {
                        SipOutcome o =
                            outcome == null
                                ? new SipOutcome(500, "Server Internal Error", "")
                                : outcome;
                        record(
                            NewEvent.of(SOURCE, io.lyncemu.core.journal.EventKind.SIP_RESPONSE)
                                .with("direction", "outbound")
                                .with("method", spec.method())
                                .with("to", spec.to())
                                .with("status", o.status())
                                .with("reason", o.reasonPhrase())
                                .with("ms-diagnostics", o.msDiagnostics()));
                        result.complete(o);
                      }));
    } catch (java.util.concurrent.RejectedExecutionException e) {
      result.complete(new SipOutcome(503, "Service Unavailable", "the Access Edge is stopping"));
    }
    return result;
  }

  static String headerValue(Header header) {
    String text = header.toString().trim();
    int colon = text.indexOf(':');
    return colon < 0 ? text : text.substring(colon + 1).trim();
  }

  @Override
  public void processRequest(RequestEvent event) {
    try {
      inbound.handle(event);
    } catch (RuntimeException e) {
      // A bug must not silence the Edge for everyone else: log it; the client times out.
      LOG.warn("Access Edge failed to handle {}", event.getRequest().getMethod(), e);
    }
  }

  @Override
  public void processResponse(ResponseEvent event) {
    outbound.response(event.getClientTransaction(), event.getResponse());
  }

  @Override
  public void processTimeout(TimeoutEvent event) {
    if (!event.isServerTransaction()) {
      outbound.timeout(event.getClientTransaction());
    }
  }

  @Override
  public void processIOException(IOExceptionEvent event) {
    outbound.ioFailure(event.getHost(), event.getPort());
  }

  @Override
  public void processTransactionTerminated(TransactionTerminatedEvent event) {}

  @Override
  public void processDialogTerminated(DialogTerminatedEvent event) {}

  /** For tests: throws when a SIP stack call fails in a way that means a bug. */
  static IllegalStateException bug(String what, SipException e) {
    return new IllegalStateException(what, e);
  }
}
