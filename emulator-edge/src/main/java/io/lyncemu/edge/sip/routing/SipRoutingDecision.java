package io.lyncemu.edge.sip.routing;

import io.lyncemu.core.federation.VerificationLevel;
import java.util.Objects;

/** What the Access Edge does with one request. */
public sealed interface SipRoutingDecision {

  /** How the target of an outbound request was found. */
  enum RouteSource {
    /** The allowed domain's ProxyFqdn. */
    ALLOWED_DOMAIN_PROXY,
    /** {@code _sipfederationtls._tcp.<domain>}, target inside the partner's own namespace. */
    DNS_SRV,
    /** DNS SRV pointed at an enabled hosting provider's ProxyFqdn. */
    HOSTING_PROVIDER,
    /** UseDefaultRouting: every federated request goes to DefaultRouteFqdn. */
    DEFAULT_ROUTE
  }

  /**
   * Send to the partner's edge at {@code host:port}. {@code port} is where the emulator (or the
   * test's partner) really listens: the SRV answer's port, or the ProxyFqdn's 5061 mapped through
   * the emulated ports.
   */
  record Route(String host, int port, RouteSource source, VerificationLevel verification)
      implements SipRoutingDecision {
    public Route {
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(verification, "verification");
    }

    /** {@code host:port}, as ms-diagnostics and the journal name it. */
    public String target() {
      return host + ":" + port;
    }
  }

  /** An inbound request for the local domain: hand it to the inside. */
  record DeliverInside(VerificationLevel verification) implements SipRoutingDecision {
    public DeliverInside {
      Objects.requireNonNull(verification, "verification");
    }
  }

  /** Refuse with {@code status reasonPhrase} and an {@code ms-diagnostics} header. */
  record Reject(int status, String reasonPhrase, MsDiagnostic diagnostic)
      implements SipRoutingDecision {
    public Reject {
      Objects.requireNonNull(reasonPhrase, "reasonPhrase");
      Objects.requireNonNull(diagnostic, "diagnostic");
    }
  }
}
