package io.lyncemu.edge.sip;

import io.lyncemu.core.journal.EventKind;
import io.lyncemu.core.journal.NewEvent;
import io.lyncemu.edge.sip.routing.Diagnostics;
import io.lyncemu.edge.sip.routing.MsDiagnostic;
import io.lyncemu.edge.sip.routing.SipRoutingDecision.Reject;
import io.lyncemu.edge.sip.routing.SipRoutingDecision.Route;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.sip.ClientTransaction;
import javax.sip.ListeningPoint;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Sends one request to a partner's edge as a new client transaction (the Edge acts as a
 * back-to-back agent: fresh Call-ID, Via and tags) and turns the partner's final response, or the
 * failure to get one, into a {@link SipOutcome}. The target address is pinned with a loose Route
 * header, which JAIN-SIP's default router follows. Connects happen on the caller's thread (the
 * server's outbound executor), never on a JAIN-SIP thread.
 */
final class OutboundSender {
  private final AccessEdgeServer server;
  private final SipFactories sip;
  private final Map<ClientTransaction, Pending> pending = new ConcurrentHashMap<>();

  /** One request waiting for its final response. */
  private record Pending(String domain, Route route, CompletableFuture<SipOutcome> outcome) {}

  OutboundSender(AccessEdgeServer server, SipFactories sip) {
    this.server = server;
    this.sip = sip;
  }

  /** Sends {@code spec} along {@code route}; completes with the partner's answer or a 504. */
  CompletableFuture<SipOutcome> send(SipRequestSpec spec, String domain, Route route) {
    CompletableFuture<SipOutcome> outcome = new CompletableFuture<>();
    List<InetAddress> addresses = server.environment().resolver().lookupAddress(route.host());
    if (addresses.isEmpty()) {
      outcome.complete(outcomeOf(Diagnostics.hostNotFound(domain, route.host())));
      return outcome;
    }
    String transport = server.partnerTransports().transportFor(route.host());
    try {
      SipProvider provider = server.provider();
      ListeningPoint local = provider.getListeningPoint(transport);
      if (local == null) {
        outcome.complete(
            outcomeOf(
                Diagnostics.connectFailed(
                    domain, route.target(), "no " + transport + " listener")));
        return outcome;
      }
      Request request = build(spec, provider, local, addresses.get(0), route.port(), transport);
      ClientTransaction transaction = provider.getNewClientTransaction(request);
      pending.put(transaction, new Pending(domain, route, outcome));
      outcome
          .orTimeout(server.config().outboundTimeout().toMillis(), TimeUnit.MILLISECONDS)
          .whenComplete((r, e) -> pending.remove(transaction));
      server.record(
          NewEvent.of(AccessEdgeServer.SOURCE, EventKind.SIP_REQUEST)
              .with("direction", "outbound")
              .with("method", spec.method())
              .with("to", spec.to())
              .with("target", route.target())
              .with("route-source", route.source())
              .with("transport", transport));
      transaction.sendRequest();
    } catch (SipException e) {
      outcome.complete(
          outcomeOf(Diagnostics.connectFailed(domain, route.target(), rootMessage(e))));
    } catch (ParseException | IllegalArgumentException e) {
      outcome.complete(
          new SipOutcome(
              400, "Bad Request", "emulator: cannot build the request: " + e.getMessage()));
    }
    return outcome.exceptionally(e -> outcomeOf(Diagnostics.peerTimeout(domain, route.target())));
  }

  private Request build(
      SipRequestSpec spec,
      SipProvider provider,
      ListeningPoint local,
      InetAddress address,
      int port,
      String transport)
      throws ParseException, SipException {
    URI requestUri = sip.addresses.createURI(spec.requestUri());
    Address from = sip.addresses.createAddress(spec.from());
    Address to = sip.addresses.createAddress(spec.to());
    CallIdHeader callId = provider.getNewCallId();
    CSeqHeader cseq;
    FromHeader fromHeader;
    ToHeader toHeader;
    MaxForwardsHeader maxForwards;
    try {
      cseq = sip.headers.createCSeqHeader(1L, spec.method());
      fromHeader = sip.headers.createFromHeader(from, UUID.randomUUID().toString().substring(0, 8));
      toHeader = sip.headers.createToHeader(to, null);
      maxForwards = sip.headers.createMaxForwardsHeader(70);
    } catch (javax.sip.InvalidArgumentException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    List<ViaHeader> via = new ArrayList<>();
    try {
      via.add(sip.headers.createViaHeader(local.getIPAddress(), local.getPort(), transport, null));
    } catch (javax.sip.InvalidArgumentException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    Request request;
    if (spec.body().isEmpty()) {
      request =
          sip.messages.createRequest(
              requestUri, spec.method(), callId, cseq, fromHeader, toHeader, via, maxForwards);
    } else {
      String[] type =
          (spec.contentType().isBlank() ? "text/plain" : spec.contentType()).split("/", 2);
      ContentTypeHeader contentType =
          sip.headers.createContentTypeHeader(type[0], type.length > 1 ? type[1] : "plain");
      request =
          sip.messages.createRequest(
              requestUri,
              spec.method(),
              callId,
              cseq,
              fromHeader,
              toHeader,
              via,
              maxForwards,
              contentType,
              spec.body().getBytes(StandardCharsets.UTF_8));
    }
    SipURI hop = sip.addresses.createSipURI(null, address.getHostAddress());
    try {
      hop.setPort(port);
    } catch (IllegalArgumentException e) {
      throw new ParseException("bad port " + port, 0);
    }
    hop.setTransportParam(transport);
    hop.setLrParam();
    request.addHeader(sip.headers.createRouteHeader(sip.addresses.createAddress(hop)));
    for (Map.Entry<String, String> header : spec.headers().entrySet()) {
      request.addHeader(sip.headers.createHeader(header.getKey(), header.getValue()));
    }
    return request;
  }

  /** A final response from the partner's edge. */
  void response(ClientTransaction transaction, Response response) {
    if (transaction == null || response.getStatusCode() < 200) {
      return;
    }
    Pending waiting = pending.get(transaction);
    if (waiting == null) {
      return;
    }
    String diagnostics =
        response.getHeader("ms-diagnostics") == null
            ? ""
            : AccessEdgeServer.headerValue(response.getHeader("ms-diagnostics"));
    if (diagnostics.isBlank() && response.getStatusCode() >= 300) {
      diagnostics = Diagnostics.noPeerDiagnostic().headerValue();
    }
    waiting.outcome.complete(
        new SipOutcome(response.getStatusCode(), response.getReasonPhrase(), diagnostics));
  }

  /** JAIN-SIP gave up on a transaction (Timer F). */
  void timeout(ClientTransaction transaction) {
    Pending waiting = transaction == null ? null : pending.get(transaction);
    if (waiting != null) {
      waiting.outcome.complete(
          outcomeOf(Diagnostics.peerTimeout(waiting.domain, waiting.route.target())));
    }
  }

  /** A connection to {@code host:port} broke: every request waiting on it fails. */
  void ioFailure(String host, int port) {
    pending.forEach(
        (transaction, waiting) -> {
          if (waiting.route.port() == port) {
            waiting.outcome.complete(
                outcomeOf(
                    Diagnostics.connectFailed(
                        waiting.domain,
                        waiting.route.target(),
                        "connection to " + host + " lost")));
          }
        });
  }

  /** Fails everything still waiting; the server is stopping. */
  void abandonAll() {
    pending
        .values()
        .forEach(
            p ->
                p.outcome.complete(outcomeOf(Diagnostics.peerTimeout(p.domain, p.route.target()))));
    pending.clear();
  }

  /** The Edge's own refusal or failure, signed with the Edge's internal FQDN as its source. */
  SipOutcome outcomeOf(Reject reject) {
    MsDiagnostic diagnostic = reject.diagnostic().with("source", server.internalFqdn());
    return new SipOutcome(reject.status(), reject.reasonPhrase(), diagnostic.headerValue());
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
