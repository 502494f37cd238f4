package io.lyncemu.edge.sip.routing;

import io.lyncemu.edge.sip.routing.SipRoutingDecision.Reject;

/**
 * Every refusal the Access Edge emits. Codes 1027 and 1034 and their texts are Lync's (seen in
 * client logs); the "not configured" text is Lync's (Edge logs of a missing hosting provider) with
 * an emulator-chosen code; the others are emulator-chosen codes and texts modelled on Lync's style.
 * docs/sip-access-edge.md lists which is which.
 */
public final class Diagnostics {
  public static final int CANNOT_ROUTE = 1027;
  public static final int NOT_CONFIGURED = 1029;
  public static final int FEDERATION_DISABLED = 1030;
  public static final int SENDER_NOT_ALLOWED = 1031;
  public static final int HOSTING_PROVIDER_DISABLED = 1032;
  public static final int HOSTING_PROVIDER_NEEDS_DNS_SRV = 1033;
  public static final int NO_PEER_DIAGNOSTIC = 1034;
  public static final int RELAY_REFUSED = 1035;
  public static final int DNS_SRV_NOT_FOUND = 1008;
  public static final int HOST_NOT_FOUND = 1009;

  /**
   * Test-CsFederatedPartner's documented failure shows {@code ErrorCode=2 … Reason=See response
   * code and reason phrase} for a 504, so an unreachable partner carries that generic code, with
   * the cause in the {@code detail} field.
   */
  public static final int SEE_RESPONSE_CODE = 2;

  public static final String SEE_RESPONSE_CODE_REASON = "See response code and reason phrase";

  public static final String NOT_CONFIGURED_REASON =
      "The domain of the message is not configured and does not appear to belong to a federated"
          + " partner";

  private Diagnostics() {}

  static Reject forbidden(MsDiagnostic diagnostic) {
    return new Reject(403, "Forbidden", diagnostic);
  }

  /** 504 Server time-out: the partner's edge could not be found or reached. */
  public static Reject serverTimeout(MsDiagnostic diagnostic) {
    return new Reject(504, "Server time-out", diagnostic);
  }

  static Reject federationDisabled() {
    return forbidden(
        MsDiagnostic.of(
            FEDERATION_DISABLED,
            "Federation is disabled on the Access Edge (AllowFederatedUsers is False)"));
  }

  static Reject notConfigured(String domain, String fqdn) {
    return forbidden(
        MsDiagnostic.of(NOT_CONFIGURED, NOT_CONFIGURED_REASON)
            .with("domain", domain)
            .with("fqdn1", fqdn));
  }

  static Reject senderNotAllowed(String domain) {
    return forbidden(
        MsDiagnostic.of(
                SENDER_NOT_ALLOWED,
                "The sender's external access policy does not allow communications with"
                    + " federated users")
            .with("domain", domain));
  }

  static Reject hostingProviderDisabled(String provider, String fqdn) {
    return forbidden(
        MsDiagnostic.of(HOSTING_PROVIDER_DISABLED, "The hosting provider is not enabled")
            .with("provider", provider)
            .with("fqdn1", fqdn));
  }

  static Reject hostingProviderNeedsDnsSrv(String provider, String domain) {
    return forbidden(
        MsDiagnostic.of(
                HOSTING_PROVIDER_NEEDS_DNS_SRV,
                "Federation with a hosting provider needs DNS SRV routing; the Access Edge uses"
                    + " default routing")
            .with("provider", provider)
            .with("domain", domain));
  }

  static Reject relayRefused(String from, String to) {
    return forbidden(
        MsDiagnostic.of(
                RELAY_REFUSED,
                "Neither the sender's nor the recipient's domain belongs to this deployment")
            .with("from-domain", from)
            .with("to-domain", to));
  }

  /** For a method the Edge does not carry between federated domains (REGISTER, SUBSCRIBE …). */
  public static Reject cannotRoute(String method) {
    return forbidden(
        MsDiagnostic.of(
                CANNOT_ROUTE, "Cannot route this type of SIP request to or from federated partners")
            .with("method", method));
  }

  static Reject dnsSrvNotFound(String domain) {
    return serverTimeout(
        MsDiagnostic.of(DNS_SRV_NOT_FOUND, "Unable to resolve DNS SRV record")
            .with("domain", domain));
  }

  /** The partner's edge FQDN has no address. */
  public static Reject hostNotFound(String domain, String fqdn) {
    return serverTimeout(
        MsDiagnostic.of(HOST_NOT_FOUND, "Unable to resolve the federated peer's host name")
            .with("domain", domain)
            .with("fqdn1", fqdn));
  }

  /** The TCP or TLS connection to the partner's edge failed. */
  public static Reject connectFailed(String domain, String target, String detail) {
    return serverTimeout(
        MsDiagnostic.of(SEE_RESPONSE_CODE, SEE_RESPONSE_CODE_REASON)
            .with("domain", domain)
            .with("fqdn1", target)
            .with("detail", "Failed to connect to a federated peer server: " + detail));
  }

  /** The partner's edge accepted the request but never answered. */
  public static Reject peerTimeout(String domain, String target) {
    return serverTimeout(
        MsDiagnostic.of(SEE_RESPONSE_CODE, SEE_RESPONSE_CODE_REASON)
            .with("domain", domain)
            .with("fqdn1", target)
            .with("detail", "The federated peer server did not answer in time"));
  }

  /** Added to a partner's error response that carries no ms-diagnostics of its own. */
  public static MsDiagnostic noPeerDiagnostic() {
    return MsDiagnostic.of(
        NO_PEER_DIAGNOSTIC, "Previous hop federated peer did not report diagnostic information");
  }
}
