package io.lyncemu.edge.sip;

import io.lyncemu.core.journal.EventKind;
import io.lyncemu.core.journal.NewEvent;
import io.lyncemu.core.routing.FederationGateway;
import io.lyncemu.core.routing.InstantMessage;
import io.lyncemu.core.routing.MessageRouter;
import io.lyncemu.core.routing.RouteResult;
import io.lyncemu.core.topology.Fqdns;
import io.lyncemu.core.topology.Topology;
import io.lyncemu.core.topology.User;
import io.lyncemu.edge.sip.routing.Direction;
import io.lyncemu.edge.sip.routing.FederationRequest;
import io.lyncemu.edge.sip.routing.SipRoutingDecision;
import io.lyncemu.edge.sip.routing.SipRoutingDecision.Reject;
import java.util.Objects;

/**
 * The router's way to SIP-federated users ({@value #PROTOCOL}): a local user's instant message to
 * {@code sip:bob@contoso.com} becomes a {@code MESSAGE} sent through the Access Edge. It serves
 * every non-local domain, so it must be added to the router after the XMPP gateway. Policy refusals
 * (federation off, partner not allowed, the sender's external access policy) are answered at once
 * as FEDERATION_REFUSED; anything that fails later (the partner's 4xx/5xx, 504 when it cannot be
 * reached) reaches the sender through {@link MessageRouter#reportDeliveryFailure}.
 */
public final class SipFederationGateway implements FederationGateway {
  public static final String PROTOCOL = "sip-federation";

  private final AccessEdgeServer edge;
  private final MessageRouter router;

  public SipFederationGateway(AccessEdgeServer edge, MessageRouter router) {
    this.edge = Objects.requireNonNull(edge, "edge");
    this.router = Objects.requireNonNull(router, "router");
  }

  @Override
  public String protocol() {
    return PROTOCOL;
  }

  @Override
  public boolean serves(String domain) {
    return true;
  }

  @Override
  public RouteResult forward(InstantMessage message) {
    Topology topology = edge.environment().deployment().current();
    boolean mayFederate =
        topology
            .findUser(message.from())
            .filter(User::isEnabled)
            .map(u -> topology.externalAccessPolicyOf(u).enableFederationAccess())
            .orElse(false);
    String to = Fqdns.sipUri(message.to());
    FederationRequest request =
        new FederationRequest(
            Direction.OUTBOUND,
            Fqdns.domainOf(message.from()),
            Fqdns.domainOf(to),
            mayFederate,
            "");
    if (!edge.isRunning()) {
      return refused(message, "the Access Edge is stopped");
    }
    SipRoutingDecision decision = edge.policy().decide(topology, request);
    if (decision instanceof Reject reject) {
      return refused(message, reject.status() + " " + reject.diagnostic().headerValue());
    }
    SipRequestSpec spec =
        SipRequestSpec.message(
            Fqdns.sipUri(message.from()), to, message.contentType(), message.text());
    edge.routeOutbound(spec, request)
        .thenAccept(
            outcome -> {
              if (!outcome.success()) {
                router.reportDeliveryFailure(message, outcome.describe());
              }
            });
    return new RouteResult(RouteResult.Outcome.FORWARDED, 0);
  }

  private RouteResult refused(InstantMessage message, String reason) {
    edge.record(
        NewEvent.of(AccessEdgeServer.SOURCE, EventKind.IM_REJECTED)
            .with("message", message.id())
            .with("from", message.from())
            .with("to", message.to())
            .with("reason", reason));
    return new RouteResult(RouteResult.Outcome.FEDERATION_REFUSED, 0);
  }
}
