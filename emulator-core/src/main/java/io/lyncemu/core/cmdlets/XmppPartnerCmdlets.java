package io.lyncemu.core.cmdlets;

import io.lyncemu.core.federation.Negotiation;
import io.lyncemu.core.federation.XmppAllowedPartner;
import io.lyncemu.core.federation.XmppPartnerType;
import io.lyncemu.core.management.Cmdlet;
import io.lyncemu.core.management.CmdletArguments;
import io.lyncemu.core.management.CmdletException;
import io.lyncemu.core.management.CmdletOutput;
import io.lyncemu.core.management.PsObject;
import io.lyncemu.core.management.SimpleCmdlet;
import io.lyncemu.core.topology.Deployment;
import io.lyncemu.core.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * New-, Get-, Set- and Remove-CsXmppAllowedPartner. The partner domain is the Identity, given
 * named, positionally ({@code New-CsXmppAllowedPartner gmail.com …}) or as {@code -Domain}.
 */
public final class XmppPartnerCmdlets {
  private static final String[] SETTINGS = {
    "Domain",
    "AdditionalDomains",
    "ConnectionLimit",
    "Description",
    "EnableKeepAlive",
    "PartnerType",
    "ProxyFqdn",
    "SaslNegotiation",
    "TlsNegotiation",
    "SupportDialbackNegotiation",
    "Force"
  };
  private final Deployment deployment;

  public XmppPartnerCmdlets(Deployment deployment) {
    this.deployment = deployment;
  }

  public List<Cmdlet> all() {
    return List.of(
        new SimpleCmdlet("Get-CsXmppAllowedPartner", "Returns the XMPP partners.", this::get),
        new SimpleCmdlet(
            "New-CsXmppAllowedPartner",
            "Adds an XMPP partner the Edge federates with.",
            this::create),
        new SimpleCmdlet("Set-CsXmppAllowedPartner", "Changes an XMPP partner.", this::set),
        new SimpleCmdlet("Remove-CsXmppAllowedPartner", "Removes an XMPP partner.", this::remove));
  }

  private CmdletOutput get(CmdletArguments given) {
    CmdletArguments args = given.bind("Get-CsXmppAllowedPartner", "Filter", "LocalStore");
    Topology topology = deployment.current();
    if (args.identity().isPresent()) {
      return CmdletOutput.of(describe(find(topology, args.identity().get())));
    }
    return CmdletOutput.of(
        topology.federation().xmppPartners().stream().map(XmppPartnerCmdlets::describe).toList());
  }

  private CmdletOutput create(CmdletArguments given) {
    CmdletArguments args = given.bind("New-CsXmppAllowedPartner", SETTINGS);
    String domain = domain(args).toLowerCase(Locale.ROOT);
    if (deployment.current().federation().xmppPartners().stream()
        .anyMatch(p -> p.identity().equals(domain))) {
      throw FederationUpdates.alreadyExists(domain, "Set-CsXmppAllowedPartner");
    }
    XmppAllowedPartner created = apply(template(domain), args);
    FederationUpdates.update(
        deployment,
        "New-CsXmppAllowedPartner " + domain + " " + args.asMap(),
        f -> {
          List<XmppAllowedPartner> all = new ArrayList<>(f.xmppPartners());
          all.add(created);
          return f.withXmppPartners(all);
        });
    return CmdletOutput.of(describe(created));
  }

  private CmdletOutput set(CmdletArguments given) {
    CmdletArguments args = given.bind("Set-CsXmppAllowedPartner", SETTINGS);
    XmppAllowedPartner existing = find(deployment.current(), domain(args));
    XmppAllowedPartner changed = apply(existing, args);
    FederationUpdates.update(
        deployment,
        "Set-CsXmppAllowedPartner " + existing.identity() + " " + args.asMap(),
        f ->
            f.withXmppPartners(
                f.xmppPartners().stream()
                    .map(p -> p.identity().equals(existing.identity()) ? changed : p)
                    .toList()));
    return CmdletOutput.none();
  }

  private CmdletOutput remove(CmdletArguments given) {
    CmdletArguments args = given.bind("Remove-CsXmppAllowedPartner", "Force");
    XmppAllowedPartner existing = find(deployment.current(), args.requireIdentity());
    FederationUpdates.update(
        deployment,
        "Remove-CsXmppAllowedPartner " + existing.identity(),
        f ->
            f.withXmppPartners(
                f.xmppPartners().stream()
                    .filter(p -> !p.identity().equals(existing.identity()))
                    .toList()));
    return CmdletOutput.none();
  }

  private static String domain(CmdletArguments args) {
    return args.identity().or(() -> args.get("Domain")).orElseGet(args::requireIdentity);
  }

  private static XmppAllowedPartner template(String domain) {
    try {
      return XmppAllowedPartner.of(domain);
    } catch (IllegalArgumentException e) {
      throw CmdletException.invalidArgument(e.getMessage());
    }
  }

  private static XmppAllowedPartner apply(XmppAllowedPartner p, CmdletArguments args) {
    Long limit = args.integer("ConnectionLimit").orElse(null);
    try {
      return new XmppAllowedPartner(
          p.identity(),
          args.isNull("AdditionalDomains")
              ? List.of()
              : args.parsed("AdditionalDomains", FederationUpdates::list)
                  .orElse(p.additionalDomains()),
          limit == null ? p.connectionLimit() : Math.toIntExact(limit),
          args.isNull("Description") ? "" : args.get("Description").orElse(p.description()),
          args.bool("EnableKeepAlive").orElse(p.enableKeepAlive()),
          args.parsed("PartnerType", XmppPartnerType::parse).orElse(p.partnerType()),
          args.isNull("ProxyFqdn") ? "" : args.get("ProxyFqdn").orElse(p.proxyFqdn()),
          args.parsed("SaslNegotiation", Negotiation::parse).orElse(p.saslNegotiation()),
          args.parsed("TlsNegotiation", Negotiation::parse).orElse(p.tlsNegotiation()),
          args.bool("SupportDialbackNegotiation").orElse(p.supportDialbackNegotiation()));
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw CmdletException.invalidArgument(e.getMessage());
    }
  }

  private static XmppAllowedPartner find(Topology topology, String identity) {
    String domain = identity.toLowerCase(Locale.ROOT);
    return topology.federation().xmppPartners().stream()
        .filter(p -> p.identity().equals(domain))
        .findFirst()
        .orElseThrow(() -> CmdletException.notFound(identity));
  }

  static PsObject describe(XmppAllowedPartner p) {
    return PsObject.of("Microsoft.Rtc.Management.WritableConfig.Policy.Xmpp.XmppAllowedPartner")
        .put("Identity", p.identity())
        .put("AdditionalDomains", p.additionalDomains())
        .put("ConnectionLimit", p.connectionLimit())
        .put("Description", p.description().isEmpty() ? null : p.description())
        .put("EnableKeepAlive", p.enableKeepAlive())
        .put("PartnerType", p.partnerType().toString())
        .put("ProxyFqdn", p.proxyFqdn().isEmpty() ? null : p.proxyFqdn())
        .put("SaslNegotiation", p.saslNegotiation().toString())
        .put("SupportDialbackNegotiation", p.supportDialbackNegotiation())
        .put("TlsNegotiation", p.tlsNegotiation().toString())
        .put("Domain", p.identity())
        .build();
  }
}
