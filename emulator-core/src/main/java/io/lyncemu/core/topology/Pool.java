package io.lyncemu.core.topology;

import java.util.Objects;

/**
 * A Front End pool. Web services (autodiscover, web ticket, MCX, UCWA) are published under the
 * internal and external web FQDNs, which default to the pool FQDN.
 */
public record Pool(String fqdn, String site, String internalWebFqdn, String externalWebFqdn) {
  public Pool {
    fqdn = Fqdns.require(fqdn, "pool fqdn");
    site = site == null || site.isBlank() ? "Site:Redmond" : site;
    internalWebFqdn =
        internalWebFqdn == null ? fqdn : Fqdns.require(internalWebFqdn, "internal-web-fqdn");
    externalWebFqdn =
        externalWebFqdn == null ? fqdn : Fqdns.require(externalWebFqdn, "external-web-fqdn");
  }

  public static Pool of(String fqdn) {
    return new Pool(Objects.requireNonNull(fqdn, "fqdn"), null, null, null);
  }
}
