package io.lyncemu.core.topology;

import io.lyncemu.core.dns.DnsZones;
import io.lyncemu.core.federation.ExternalAccessPolicy;
import io.lyncemu.core.federation.Federation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A whole emulated deployment. Immutable: a change produces a new topology, and {@link Deployment}
 * swaps it in atomically. The compact constructor checks cross-references (a user's policy exists,
 * SIP addresses are unique and in the SIP domain), so an invalid topology never becomes live.
 */
public record Topology(
    String name,
    String sipDomain,
    String netbiosDomain,
    List<Pool> pools,
    Edge edge,
    List<User> users,
    List<MobilityPolicy> mobilityPolicies,
    WebServiceConfiguration webService,
    McxConfiguration mcx,
    Federation federation,
    DnsZones dns) {

  public Topology {
    name = name == null || name.isBlank() ? "custom" : name;
    sipDomain = Fqdns.require(sipDomain, "sip-domain");
    netbiosDomain =
        netbiosDomain == null || netbiosDomain.isBlank()
            ? sipDomain
                .substring(
                    0, sipDomain.indexOf('.') < 0 ? sipDomain.length() : sipDomain.indexOf('.'))
                .toUpperCase(Locale.ROOT)
            : netbiosDomain.toUpperCase(Locale.ROOT);
    pools =
        pools == null || pools.isEmpty()
            ? List.of(Pool.of("pool01." + sipDomain))
            : List.copyOf(pools);
    edge = edge == null ? new Edge("edge01." + sipDomain, "sip." + sipDomain, null) : edge;
    edge = edge.withDefaultCertificateNames(sipDomain);
    users = users == null ? List.of() : List.copyOf(users);
    mobilityPolicies = withGlobalPolicy(mobilityPolicies);
    webService = webService == null ? WebServiceConfiguration.DEFAULT : webService;
    mcx = mcx == null ? McxConfiguration.DEFAULT : mcx;
    federation = federation == null ? Federation.DEFAULT : federation;
    dns = (dns == null ? new DnsZones(null, null, null) : dns).completeFor(sipDomain, pools, edge);
    validate(sipDomain, pools, users, mobilityPolicies);
    validateExternalAccess(users, federation);
  }

  private static List<MobilityPolicy> withGlobalPolicy(List<MobilityPolicy> policies) {
    List<MobilityPolicy> all = new ArrayList<>(policies == null ? List.of() : policies);
    if (all.stream().noneMatch(p -> p.identity().equals(MobilityPolicy.GLOBAL))) {
      all.add(0, MobilityPolicy.defaults(MobilityPolicy.GLOBAL));
    }
    return List.copyOf(all);
  }

  private static void validate(
      String sipDomain, List<Pool> pools, List<User> users, List<MobilityPolicy> policies) {
    Set<String> policyIds = new HashSet<>();
    for (MobilityPolicy policy : policies) {
      if (!policyIds.add(policy.identity().toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException(
            "mobility policy '" + policy.identity() + "' is defined twice");
      }
    }
    Set<String> sipAddresses = new HashSet<>();
    Set<String> logons = new HashSet<>();
    for (User user : users) {
      if (!sipAddresses.add(user.sipAddress())) {
        throw new IllegalArgumentException("user " + user.sipAddress() + " is defined twice");
      }
      if (!logons.add(user.samAccountName().toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException(
            "sam-account-name '" + user.samAccountName() + "' is used by two users");
      }
      if (!Fqdns.domainOf(user.sipAddress()).equals(sipDomain)) {
        throw new IllegalArgumentException(
            "user " + user.sipAddress() + " is not in the SIP domain " + sipDomain);
      }
      if (!user.mobilityPolicy().isEmpty()
          && !policyIds.contains(user.mobilityPolicy().toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException(
            "user "
                + user.sipAddress()
                + " is granted mobility policy '"
                + user.mobilityPolicy()
                + "', which the topology does not define");
      }
      if (!user.registrarPool().isEmpty()
          && pools.stream().noneMatch(p -> p.fqdn().equals(user.registrarPool()))) {
        throw new IllegalArgumentException(
            "user " + user.sipAddress() + " is homed on unknown pool " + user.registrarPool());
      }
    }
  }

  private static void validateExternalAccess(List<User> users, Federation federation) {
    for (User user : users) {
      if (!user.externalAccessPolicy().isEmpty()
          && federation.externalAccessPolicy(user.externalAccessPolicy()).isEmpty()) {
        throw new IllegalArgumentException(
            "user "
                + user.sipAddress()
                + " is granted external access policy '"
                + user.externalAccessPolicy()
                + "', which the topology does not define");
      }
    }
  }

  /** The external access policy that applies to {@code user}: granted, else global. */
  public ExternalAccessPolicy externalAccessPolicyOf(User user) {
    return user.externalAccessPolicy().isEmpty()
        ? federation.globalExternalAccessPolicy()
        : federation
            .externalAccessPolicy(user.externalAccessPolicy())
            .orElse(federation.globalExternalAccessPolicy());
  }

  /** Whether {@code domain} is this deployment's own SIP domain (not a federated one). */
  public boolean isLocalDomain(String domain) {
    return sipDomain.equalsIgnoreCase(domain);
  }

  /** The first pool: where users without an explicit registrar pool are homed. */
  public Pool primaryPool() {
    return pools.get(0);
  }

  public Pool homePool(User user) {
    return pools.stream()
        .filter(p -> p.fqdn().equals(user.registrarPool()))
        .findFirst()
        .orElse(primaryPool());
  }

  /**
   * Finds a user the way Lync cmdlets resolve {@code -Identity}: SIP address (with or without
   * {@code sip:}), {@code DOMAIN\sam}, user principal name {@code sam@domain}, or display name.
   */
  public Optional<User> findUser(String identity) {
    if (identity == null || identity.isBlank()) {
      return Optional.empty();
    }
    String id = identity.trim();
    if (id.contains("\\")) {
      int slash = id.indexOf('\\');
      return findByLogon(id.substring(0, slash), id.substring(slash + 1));
    }
    if (id.contains("@")) {
      try {
        String uri = Fqdns.sipUri(id);
        Optional<User> bySip = users.stream().filter(u -> u.sipAddress().equals(uri)).findFirst();
        if (bySip.isPresent()) {
          return bySip;
        }
      } catch (IllegalArgumentException notSip) {
        // fall through to the UPN form
      }
      int at = id.indexOf('@');
      return findByLogon(id.substring(at + 1), id.substring(0, at));
    }
    return users.stream().filter(u -> u.displayName().equalsIgnoreCase(id)).findFirst();
  }

  /**
   * Finds the user an NTLM or UsernameToken logon names: the domain may be the NetBIOS name, the
   * DNS name, or empty (some clients send none); the account name compares case-insensitively.
   */
  public Optional<User> findByLogon(String domain, String account) {
    if (account == null || account.isBlank()) {
      return Optional.empty();
    }
    if (domain != null
        && !domain.isBlank()
        && !domain.equalsIgnoreCase(netbiosDomain)
        && !domain.equalsIgnoreCase(sipDomain)) {
      return Optional.empty();
    }
    String sam = account.trim();
    return users.stream().filter(u -> u.samAccountName().equalsIgnoreCase(sam)).findFirst();
  }

  public Optional<MobilityPolicy> findMobilityPolicy(String identity) {
    String canonical = MobilityPolicy.canonicalIdentity(identity);
    return mobilityPolicies.stream()
        .filter(p -> p.identity().equalsIgnoreCase(canonical))
        .findFirst();
  }

  /** The policy that applies to a user: the granted per-user one, otherwise Global. */
  public MobilityPolicy effectiveMobilityPolicy(User user) {
    return (user.mobilityPolicy().isEmpty()
            ? Optional.<MobilityPolicy>empty()
            : findMobilityPolicy(user.mobilityPolicy()))
        .or(() -> findMobilityPolicy(MobilityPolicy.GLOBAL))
        .orElseThrow();
  }

  /**
   * Every host name the emulator answers for: pools, web FQDNs, autodiscover, edge, the bare
   * domain.
   */
  public List<String> hostNames() {
    Set<String> names = new LinkedHashSet<>();
    for (Pool pool : pools) {
      names.add(pool.fqdn());
      names.add(pool.internalWebFqdn());
      names.add(pool.externalWebFqdn());
    }
    names.add("lyncdiscover." + sipDomain);
    names.add("lyncdiscoverinternal." + sipDomain);
    names.add(edge.internalFqdn());
    names.add(edge.accessEdgeFqdn());
    names.add(sipDomain);
    return List.copyOf(names);
  }

  public Topology withUsers(List<User> value) {
    return new Topology(
        name,
        sipDomain,
        netbiosDomain,
        pools,
        edge,
        value,
        mobilityPolicies,
        webService,
        mcx,
        federation,
        dns);
  }

  public Topology withUser(String sipAddress, UnaryOperator<User> change) {
    String uri = Fqdns.sipUri(sipAddress);
    return withUsers(
        users.stream().map(u -> u.sipAddress().equals(uri) ? change.apply(u) : u).toList());
  }

  public Topology withMobilityPolicies(List<MobilityPolicy> value) {
    return new Topology(
        name,
        sipDomain,
        netbiosDomain,
        pools,
        edge,
        users,
        value,
        webService,
        mcx,
        federation,
        dns);
  }

  public Topology withWebService(WebServiceConfiguration value) {
    return new Topology(
        name,
        sipDomain,
        netbiosDomain,
        pools,
        edge,
        users,
        mobilityPolicies,
        value,
        mcx,
        federation,
        dns);
  }

  public Topology withMcx(McxConfiguration value) {
    return new Topology(
        name,
        sipDomain,
        netbiosDomain,
        pools,
        edge,
        users,
        mobilityPolicies,
        webService,
        value,
        federation,
        dns);
  }

  public Topology withFederation(Federation value) {
    return new Topology(
        name,
        sipDomain,
        netbiosDomain,
        pools,
        edge,
        users,
        mobilityPolicies,
        webService,
        mcx,
        value,
        dns);
  }

  public Topology withFederation(UnaryOperator<Federation> change) {
    return withFederation(change.apply(federation));
  }

  public Topology withDns(DnsZones value) {
    return new Topology(
        name,
        sipDomain,
        netbiosDomain,
        pools,
        edge,
        users,
        mobilityPolicies,
        webService,
        mcx,
        federation,
        value);
  }

  public Topology withEdge(Edge value) {
    return new Topology(
        name,
        sipDomain,
        netbiosDomain,
        pools,
        value,
        users,
        mobilityPolicies,
        webService,
        mcx,
        federation,
        dns);
  }
}
