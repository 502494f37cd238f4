package io.lyncemu.edge.sip;

import io.lyncemu.core.journal.EventKind;
import io.lyncemu.core.journal.NewEvent;
import io.lyncemu.core.routing.InstantMessage;
import io.lyncemu.core.routing.RouteResult;
import io.lyncemu.core.topology.Topology;
import io.lyncemu.edge.sip.routing.Diagnostics;
import io.lyncemu.edge.sip.routing.Direction;
import io.lyncemu.edge.sip.routing.FederationPolicy;
import io.lyncemu.edge.sip.routing.FederationRequest;
import io.lyncemu.edge.sip.routing.MsDiagnostic;
import io.lyncemu.edge.sip.routing.SipRoutingDecision;
import io.lyncemu.edge.sip.routing.SipRoutingDecision.DeliverInside;
import io.lyncemu.edge.sip.routing.SipRoutingDecision.Reject;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sip.InvalidArgumentException;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers every request that reaches the Edge's listeners. The To domain decides the direction: the
 * local domain means inbound (a partner writing to a local user: delivered through the router, or
 * OPTIONS answered by the Edge), any other domain means outbound (an inside client such as
 * Test-CsFederatedPartner asking the Edge to reach a partner: sent on and the partner's answer
 * relayed). Only OPTIONS and MESSAGE cross the Edge; other methods get Lync's 1027 refusal.
 * Handlers never block a JAIN-SIP thread on the network: outbound answers come back later.
 */
final class InboundRequests {
  static final List<String> ALLOW = List.of("OPTIONS", "MESSAGE", "ACK", "CANCEL");
  private static final Set<String> CARRIED = Set.of(Request.OPTIONS, Request.MESSAGE);

  private static final Logger LOG = LoggerFactory.getLogger(InboundRequests.class);
  private final AccessEdgeServer server;
  private final SipFactories sip;

  InboundRequests(AccessEdgeServer server, SipFactories sip) {
    this.server = server;
    this.sip = sip;
  }

  void handle(RequestEvent event) {
    Request request = event.getRequest();
    String method = request.getMethod();
    if (method.equals(Request.ACK)) {
      return;
    }
    ServerTransaction transaction = event.getServerTransaction();
    try {
      if (transaction == null) {
        transaction = server.provider().getNewServerTransaction(request);
      }
    } catch (TransactionAlreadyExistsException e) {
      // A retransmission of a request already being answered.
      return;
    } catch (SipException e) {
      // JAIN-SIP refuses a transaction for a request that lacks what its method needs (a
      // SUBSCRIBE without Contact): answer 400 statelessly, naming the problem.
      LOG.debug("no server transaction for {}: {}", method, e.toString());
      respondStateless(request, e.getMessage());
      return;
    }
    Optional<String> fromDomain =
        SipFactories.domainOf((FromHeader) request.getHeader(FromHeader.NAME));
    Optional<String> toDomain = SipFactories.domainOf((ToHeader) request.getHeader(ToHeader.NAME));
    server.record(
        NewEvent.of(AccessEdgeServer.SOURCE, EventKind.SIP_REQUEST)
            .with("direction", "received")
            .with("method", method)
            .with("from", fromDomain.orElse(""))
            .with("to", toDomain.orElse(""))
            .with("call-id", callId(request)));
    if (fromDomain.isEmpty() || toDomain.isEmpty()) {
      respond(transaction, request, 400, "Bad Request", null);
      return;
    }
    if (method.equals(Request.CANCEL)) {
      respond(transaction, request, 200, "OK", null);
      return;
    }
    Topology topology = server.environment().deployment().current();
    boolean forLocal = FederationPolicy.isInside(topology, toDomain.get());
    if (!CARRIED.contains(method)) {
      reject(transaction, request, Diagnostics.cannotRoute(method), forLocal);
      return;
    }
    if (forLocal) {
      inbound(transaction, request, topology, fromDomain.get(), toDomain.get());
    } else {
      outbound(transaction, request, fromDomain.get(), toDomain.get());
    }
  }

  private void inbound(
      ServerTransaction transaction,
      Request request,
      Topology topology,
      String fromDomain,
      String toDomain) {
    SipRoutingDecision decision =
        server
            .policy()
            .decide(
                topology, new FederationRequest(Direction.INBOUND, fromDomain, toDomain, true, ""));
    if (decision instanceof Reject reject) {
      reject(transaction, request, reject, true);
      return;
    }
    DeliverInside deliver = (DeliverInside) decision;
    if (request.getMethod().equals(Request.OPTIONS)) {
      respond(transaction, request, 200, "OK", null);
      return;
    }
    Optional<String> from =
        SipFactories.userAddress((FromHeader) request.getHeader(FromHeader.NAME));
    Optional<String> to = SipFactories.userAddress((ToHeader) request.getHeader(ToHeader.NAME));
    if (from.isEmpty() || to.isEmpty()) {
      respond(transaction, request, 400, "Bad Request", null);
      return;
    }
    InstantMessage message =
        new InstantMessage(
            callId(request).isBlank() ? UUID.randomUUID().toString() : callId(request),
            from.get(),
            to.get(),
            contentType(request),
            body(request),
            Instant.now());
    RouteResult result = server.environment().router().route(message);
    server.record(
        NewEvent.of(AccessEdgeServer.SOURCE, EventKind.IM_DELIVERED)
            .with("from", from.get())
            .with("to", to.get())
            .with("outcome", result.outcome())
            .with("verification", deliver.verification()));
    switch (result.outcome()) {
      case DELIVERED, FORWARDED -> respond(transaction, request, 200, "OK", null);
      case RECIPIENT_OFFLINE -> respond(transaction, request, 480, "Temporarily Unavailable", null);
      case UNKNOWN_RECIPIENT, RECIPIENT_DISABLED ->
          respond(transaction, request, 404, "Not Found", null);
      case FEDERATION_REFUSED -> respond(transaction, request, 403, "Forbidden", null);
    }
  }

  private void outbound(
      ServerTransaction transaction, Request request, String fromDomain, String toDomain) {
    SipRequestSpec spec =
        new SipRequestSpec(
            request.getMethod(),
            request.getRequestURI().toString(),
            ((FromHeader) request.getHeader(FromHeader.NAME)).getAddress().getURI().toString(),
            ((ToHeader) request.getHeader(ToHeader.NAME)).getAddress().getURI().toString(),
            request.getContent() == null ? "" : contentType(request),
            body(request),
            null);
    server
        .routeOutbound(
            spec, new FederationRequest(Direction.OUTBOUND, fromDomain, toDomain, true, ""))
        .whenComplete(
            (outcome, error) -> {
              SipOutcome o =
                  outcome == null ? new SipOutcome(500, "Server Internal Error", "") : outcome;
              respond(transaction, request, o.status(), o.reasonPhrase(), o.msDiagnostics());
            });
  }

  private void reject(
      ServerTransaction transaction, Request request, Reject reject, boolean inbound) {
    MsDiagnostic diagnostic =
        reject
            .diagnostic()
            .with("source", inbound ? server.accessEdgeFqdn() : server.internalFqdn());
    respond(transaction, request, reject.status(), reject.reasonPhrase(), diagnostic.headerValue());
  }

  private void respond(
      ServerTransaction transaction,
      Request request,
      int status,
      String reason,
      String diagnostics) {
    try {
      Response response = sip.messages.createResponse(status, request);
      response.setReasonPhrase(reason);
      ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
      if (to != null && to.getTag() == null && status >= 200) {
        to.setTag(UUID.randomUUID().toString().substring(0, 8));
      }
      if (request.getMethod().equals(Request.OPTIONS) && status == 200) {
        for (String allowed : ALLOW) {
          response.addHeader(sip.headers.createAllowHeader(allowed));
        }
        response.addHeader(sip.headers.createSupportedHeader("ms-edge-proxy-message-trust"));
        response.addHeader(sip.headers.createAcceptHeader("text", "plain"));
        response.addHeader(sip.headers.createAcceptHeader("text", "html"));
      }
      if (diagnostics != null && !diagnostics.isBlank()) {
        response.addHeader(sip.headers.createHeader("ms-diagnostics", diagnostics));
      }
      response.addHeader(sip.headers.createHeader("Server", "RTC/5.0"));
      transaction.sendResponse(response);
      server.record(
          NewEvent.of(AccessEdgeServer.SOURCE, EventKind.SIP_RESPONSE)
              .with("direction", "sent")
              .with("method", request.getMethod())
              .with("status", status)
              .with("reason", reason)
              .with("ms-diagnostics", diagnostics == null ? "" : diagnostics)
              .with("call-id", callId(request)));
    } catch (ParseException | SipException | InvalidArgumentException | RuntimeException e) {
      // The client went away or the stack is stopping: nobody is left to answer.
      LOG.debug("could not answer {} {}", request.getMethod(), status, e);
      server.record(
          NewEvent.of(AccessEdgeServer.SOURCE, EventKind.SIP_RESPONSE)
              .with("direction", "not-sent")
              .with("status", status)
              .with("error", String.valueOf(e.getMessage())));
    }
  }

  private void respondStateless(Request request, String problem) {
    try {
      Response response = sip.messages.createResponse(400, request);
      response.setReasonPhrase("Bad Request");
      response.addHeader(
          sip.headers.createHeader(
              "ms-diagnostics",
              MsDiagnostic.of(1000, "Malformed request")
                  .with("detail", String.valueOf(problem))
                  .with("source", server.accessEdgeFqdn())
                  .headerValue()));
      server.provider().sendResponse(response);
    } catch (ParseException | SipException | RuntimeException e) {
      LOG.debug("could not answer a malformed {}", request.getMethod(), e);
    }
  }

  private static String callId(Request request) {
    CallIdHeader header = (CallIdHeader) request.getHeader(CallIdHeader.NAME);
    return header == null ? "" : header.getCallId();
  }

  private static String contentType(Request request) {
    ContentTypeHeader header = (ContentTypeHeader) request.getHeader(ContentTypeHeader.NAME);
    return header == null
        ? "text/plain"
        : header.getContentType() + "/" + header.getContentSubType();
  }

  private static String body(Request request) {
    byte[] raw = request.getRawContent();
    return raw == null ? "" : new String(raw, StandardCharsets.UTF_8);
  }
}
