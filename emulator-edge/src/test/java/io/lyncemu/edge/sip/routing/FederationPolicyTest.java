package io.lyncemu.edge.sip.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.lyncemu.core.dns.DnsRecord;
import io.lyncemu.core.dns.EmulatedPorts;
import io.lyncemu.core.dns.ZoneResolver;
import io.lyncemu.core.federation.AllowedDomain;
import io.lyncemu.core.federation.Federation;
import io.lyncemu.core.federation.RoutingMethod;
import io.lyncemu.core.federation.VerificationLevel;
import io.lyncemu.core.journal.InMemoryEventJournal;
import io.lyncemu.core.time.EmulatorClock;
import io.lyncemu.core.topology.Deployment;
import io.lyncemu.core.topology.Topology;
import io.lyncemu.core.topology.TopologyLoader;
import io.lyncemu.edge.sip.routing.SipRoutingDecision.DeliverInside;
import io.lyncemu.edge.sip.routing.SipRoutingDecision.Reject;
import io.lyncemu.edge.sip.routing.SipRoutingDecision.Route;
import io.lyncemu.edge.sip.routing.SipRoutingDecision.RouteSource;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Every routing outcome of the Access Edge's federation rules, without a SIP stack. */
class FederationPolicyTest {
  private final Deployment deployment =
      new Deployment(
          new TopologyLoader().builtIn("litwareinc"),
          new InMemoryEventJournal(EmulatorClock.system()));
  private final EmulatedPorts ports = new EmulatedPorts();
  private final FederationPolicy policy =
      new FederationPolicy(new ZoneResolver(deployment, ports, ZoneResolver.none()), ports);

  private SipRoutingDecision out(String to) {
    return policy.decide(deployment.current(), FederationRequest.outbound("litwareinc.com", to));
  }

  private SipRoutingDecision in(String from) {
    return policy.decide(deployment.current(), FederationRequest.inbound(from, "litwareinc.com"));
  }

  private void federation(UnaryOperator<Federation> change) {
    deployment.update("test", t -> t.withFederation(change));
  }

  private void srv(String domain, String target, int port) {
    deployment.update(
        "test",
        t ->
            t.withDns(
                t.dns()
                    .withZone(domain)
                    .withRecord(
                        DnsRecord.srv(domain, "_sipfederationtls._tcp", 0, 0, port, target))));
  }

  private static Reject rejected(SipRoutingDecision d, int status, int code) {
    assertThat(d).isInstanceOf(Reject.class);
    Reject r = (Reject) d;
    assertThat(r.status()).isEqualTo(status);
    assertThat(r.diagnostic().code()).isEqualTo(code);
    return r;
  }

  @Test
  void federationDisabledRefusesBothWays() {
    federation(f -> f.withAccessEdge(f.accessEdge().withAllowFederatedUsers(false)));
    assertThat(
            rejected(out("contoso.com"), 403, Diagnostics.FEDERATION_DISABLED)
                .diagnostic()
                .reason())
        .contains("AllowFederatedUsers is False");
    rejected(in("contoso.com"), 403, Diagnostics.FEDERATION_DISABLED);
  }

  @Test
  void allowedDomainFoundThroughItsOwnSrvRecord() {
    srv("contoso.com", "sip.contoso.com", 15061);
    Route r = (Route) out("contoso.com");
    assertThat(r.target()).isEqualTo("sip.contoso.com:15061");
    assertThat(r.source()).isEqualTo(RouteSource.DNS_SRV);
    assertThat(r.verification()).isEqualTo(VerificationLevel.USE_SOURCE_VERIFICATION);
  }

  @Test
  void allowedDomainWithoutSrvRecordIsA504() {
    rejected(out("contoso.com"), 504, Diagnostics.DNS_SRV_NOT_FOUND);
  }

  @Test
  void allowedDomainProxyFqdnUsesTheEmulatedPort() {
    federation(
        f ->
            f.withAllowedDomains(
                List.of(new AllowedDomain("contoso.com", "edge.contoso.com", null, null, null))));
    ports.register("edge.contoso.com", 5061, 25061);
    Route r = (Route) out("contoso.com");
    assertThat(r.target()).isEqualTo("edge.contoso.com:25061");
    assertThat(r.source()).isEqualTo(RouteSource.ALLOWED_DOMAIN_PROXY);
  }

  @Test
  void pushDomainGoesToTheHostingProviderItsSrvNames() {
    srv("push.lync.com", "sipfed.online.lync.com", 5061);
    Route r = (Route) out("push.lync.com");
    assertThat(r.target()).isEqualTo("sipfed.online.lync.com:5061");
    assertThat(r.source()).isEqualTo(RouteSource.HOSTING_PROVIDER);
  }

  @Test
  void withoutTheHostingProviderThePushDomainIsNotConfigured() {
    srv("push.lync.com", "sipfed.online.lync.com", 5061);
    federation(f -> f.withHostingProviders(List.of()));
    Reject r = rejected(out("push.lync.com"), 403, Diagnostics.NOT_CONFIGURED);
    assertThat(r.diagnostic().headerValue())
        .isEqualTo(
            "1029;reason=\"The domain of the message is not configured and does not appear to"
                + " belong to a federated partner\";domain=\"push.lync.com\";"
                + "fqdn1=\"sipfed.online.lync.com:5061\"");
  }

  @Test
  void disabledHostingProviderIsRefused() {
    srv("push.lync.com", "sipfed.online.lync.com", 5061);
    federation(
        f -> f.withHostingProviders(List.of(f.hostingProviders().get(0).withEnabled(false))));
    rejected(out("push.lync.com"), 403, Diagnostics.HOSTING_PROVIDER_DISABLED);
  }

  @Test
  void hostingProviderUnderDefaultRoutingIsRefused() {
    srv("push.lync.com", "sipfed.online.lync.com", 5061);
    federation(
        f ->
            f.withAccessEdge(
                    f.accessEdge()
                        .withRouting(RoutingMethod.USE_DEFAULT_ROUTING, "director.litwareinc.com"))
                .withAllowedDomains(List.of(AllowedDomain.of("contoso.com"))));
    rejected(out("push.lync.com"), 403, Diagnostics.HOSTING_PROVIDER_NEEDS_DNS_SRV);
    Route r = (Route) out("contoso.com");
    assertThat(r.source()).isEqualTo(RouteSource.DEFAULT_ROUTE);
    assertThat(r.host()).isEqualTo("director.litwareinc.com");
  }

  @Test
  void domainNotAllowedIsNotConfigured() {
    rejected(out("fabrikam.com"), 403, Diagnostics.NOT_CONFIGURED);
    rejected(in("fabrikam.com"), 403, Diagnostics.NOT_CONFIGURED);
  }

  @Test
  void srvTargetOutsideTheDomainDoesNotMatch() {
    srv("contoso.com", "evil.example.net", 5061);
    rejected(out("contoso.com"), 403, Diagnostics.NOT_CONFIGURED);
  }

  @Test
  void partnerDiscoveryAcceptsAnyDomainWithItsOwnSrv() {
    srv("fabrikam.com", "sip.fabrikam.com", 5061);
    federation(f -> f.withAccessEdge(f.accessEdge().with(null, null, true, null)));
    assertThat(((Route) out("fabrikam.com")).verification())
        .isEqualTo(VerificationLevel.ALWAYS_UNVERIFIABLE);
    assertThat(in("fabrikam.com")).isInstanceOf(DeliverInside.class);
  }

  @Test
  void senderWithoutFederationAccessIsRefused() {
    Topology t = deployment.current();
    SipRoutingDecision d =
        policy.decide(
            t,
            new FederationRequest(Direction.OUTBOUND, "litwareinc.com", "contoso.com", false, ""));
    rejected(d, 403, Diagnostics.SENDER_NOT_ALLOWED);
  }

  @Test
  void relayBetweenTwoForeignDomainsIsRefused() {
    SipRoutingDecision d =
        policy.decide(deployment.current(), FederationRequest.outbound("contoso.com", "evil.com"));
    rejected(d, 403, Diagnostics.RELAY_REFUSED);
  }

  @Test
  void inboundFromAllowedDomainOrVerifiedHostingProviderIsDelivered() {
    assertThat(in("contoso.com"))
        .isEqualTo(new DeliverInside(VerificationLevel.USE_SOURCE_VERIFICATION));
    SipRoutingDecision fromProvider =
        policy.decide(
            deployment.current(),
            new FederationRequest(
                Direction.INBOUND,
                "tenant.onmicrosoft.com",
                "litwareinc.com",
                true,
                "sipfed.online.lync.com"));
    assertThat(fromProvider).isInstanceOf(DeliverInside.class);
  }

  @Test
  void insideSendersAreRecognisedByTheirHostNames() {
    assertThat(FederationPolicy.isInside(deployment.current(), "atl-edge-001.litwareinc.com"))
        .isTrue();
    assertThat(FederationPolicy.isInside(deployment.current(), "notlitwareinc.com")).isFalse();
  }

  @Test
  void diagnosticsQuoteTheirValues() {
    assertThat(MsDiagnostic.of(2, "a \"b\"").with("x", "y").headerValue())
        .isEqualTo("2;reason=\"a \\\"b\\\"\";x=\"y\"");
  }
}
