package io.lyncemu.mcx.autodiscover;

import io.lyncemu.core.topology.Pool;
import io.lyncemu.core.topology.Topology;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds the autodiscover resources from the topology: Root (links {@code Domain}, {@code User},
 * {@code OAuth}), User (SIP access elements and the service links of PROTOCOLS.md 1.5), Domain, and
 * the OAuth User. The Mobility Service links are always present: mobility is deployed in every
 * emulated topology (Lync 2013 has it built in). Stateless and thread-safe.
 */
public final class AutodiscoverResources {
  /** The canonical resource path, as real servers spell it in links. */
  public static final String ROOT_PATH = "/Autodiscover/AutodiscoverService.svc/root";

  static final int SIP_SERVER_PORT = 5061;
  static final int SIP_CLIENT_PORT = 443;

  public AutodiscoverDocument root(WebBases bases, String originalDomain) {
    String root = bases.self() + ROOT_PATH;
    List<AutodiscoverLink> links =
        List.of(
            new AutodiscoverLink("Domain", root + "/domain"),
            new AutodiscoverLink("User", root + "/user"),
            new AutodiscoverLink("OAuth", root + "/oauth/user"));
    String query =
        originalDomain == null || originalDomain.isBlank()
            ? ""
            : "?originalDomain=" + URLEncoder.encode(originalDomain, StandardCharsets.UTF_8);
    Map<String, AutodiscoverDocument.HalLink> hal = new LinkedHashMap<>();
    hal.put("self", new AutodiscoverDocument.HalLink(root + query, ""));
    hal.put("user", new AutodiscoverDocument.HalLink(root + "/oauth/user" + query, ""));
    hal.put("xframe", new AutodiscoverDocument.HalLink(xframe(bases.local()), ""));
    return new AutodiscoverDocument(
        AutodiscoverDocument.Resource.ROOT, bases.location(), List.of(), links, hal);
  }

  /** The User resource for a user homed on {@code pool}. */
  public AutodiscoverDocument user(Topology topology, Pool pool, WebBases bases) {
    return userDocument(topology, pool, bases, bases.self() + ROOT_PATH + "/user");
  }

  /** The OAuth User resource: the User resource whose Self is {@code …/root/oauth/user}. */
  public AutodiscoverDocument oauthUser(Topology topology, Pool pool, WebBases bases) {
    return userDocument(topology, pool, bases, bases.self() + ROOT_PATH + "/oauth/user");
  }

  private AutodiscoverDocument userDocument(
      Topology topology, Pool pool, WebBases bases, String self) {
    List<AutodiscoverLink> links = new ArrayList<>();
    pair(links, "Autodiscover", bases, ROOT_PATH);
    pair(links, "AuthBroker", bases, "/Reach/sip.svc");
    pair(links, "WebScheduler", bases, "/Scheduler");
    pair(links, "Mcx", bases, "/Mcx/McxService.svc");
    pair(links, "Ucwa", bases, "/ucwa/v1/applications");
    links.add(new AutodiscoverLink("Ucwa", bases.local() + "/ucwa/v1/applications"));
    pair(links, "XFrame", bases, "/Autodiscover/XFrame/XFrame.html");
    links.add(new AutodiscoverLink("XFrame", xframe(bases.local())));
    links.add(new AutodiscoverLink("Self", self));
    Map<String, AutodiscoverDocument.HalLink> hal = new LinkedHashMap<>();
    hal.put("self", new AutodiscoverDocument.HalLink(self, ""));
    hal.put(
        "applications",
        new AutodiscoverDocument.HalLink(bases.local() + "/ucwa/oauth/v1/applications", "2"));
    hal.put("xframe", new AutodiscoverDocument.HalLink(xframe(bases.local()), ""));
    return new AutodiscoverDocument(
        AutodiscoverDocument.Resource.USER,
        bases.location(),
        sipAccess(topology, pool),
        links,
        hal);
  }

  /** The Domain resource: where any user of the domain (or an anonymous one) connects. */
  public AutodiscoverDocument domain(Topology topology, WebBases bases) {
    Objects.requireNonNull(topology, "topology");
    List<AutodiscoverLink> links = new ArrayList<>();
    pair(links, "Autodiscover", bases, ROOT_PATH);
    pair(links, "AuthBroker", bases, "/Reach/sip.svc");
    pair(links, "Ucwa", bases, "/ucwa/v1/applications");
    links.add(new AutodiscoverLink("Ucwa", bases.local() + "/ucwa/v1/applications"));
    pair(links, "XFrame", bases, "/Autodiscover/XFrame/XFrame.html");
    links.add(new AutodiscoverLink("XFrame", xframe(bases.local())));
    String self = bases.self() + ROOT_PATH + "/domain";
    links.add(new AutodiscoverLink("Self", self));
    Map<String, AutodiscoverDocument.HalLink> hal = new LinkedHashMap<>();
    hal.put("self", new AutodiscoverDocument.HalLink(self, ""));
    hal.put("xframe", new AutodiscoverDocument.HalLink(xframe(bases.local()), ""));
    return new AutodiscoverDocument(
        AutodiscoverDocument.Resource.DOMAIN,
        bases.location(),
        sipAccess(topology, topology.primaryPool()),
        links,
        hal);
  }

  private static List<SipAccess> sipAccess(Topology topology, Pool pool) {
    String accessEdge = topology.edge().accessEdgeFqdn();
    return List.of(
        new SipAccess("SipServerInternalAccess", pool.fqdn(), SIP_SERVER_PORT),
        // Lync 2013 quirk: the documented sample gives clients the pool on 443, not 5061.
        new SipAccess("SipClientInternalAccess", pool.fqdn(), SIP_CLIENT_PORT),
        new SipAccess("SipServerExternalAccess", accessEdge, SIP_SERVER_PORT),
        new SipAccess("SipClientExternalAccess", accessEdge, SIP_CLIENT_PORT));
  }

  private static void pair(
      List<AutodiscoverLink> links, String service, WebBases bases, String path) {
    links.add(new AutodiscoverLink("External/" + service, bases.external() + path));
    links.add(new AutodiscoverLink("Internal/" + service, bases.internal() + path));
  }

  private static String xframe(String base) {
    return base + "/Autodiscover/XFrame/XFrame.html";
  }
}
