package io.lyncemu.mcx.web;

import io.lyncemu.core.topology.Topology;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Dresses every response as the IIS site in front of the Lync web services does: {@code
 * X-MS-Server-Fqdn}, {@code Cache-Control: private}, {@code Server} (from the web service
 * configuration, {@code Microsoft-IIS/8.5} by default), {@code X-Powered-By: ASP.NET} and {@code
 * X-Content-Type-Options: nosniff}, in the order of the 401 quoted in the Test-CsMcxP2PIM
 * troubleshooting doc. The Jetty adapter adds {@code Date} and {@code Content-Length} and nothing
 * else. Stateless.
 */
public final class IisPersona {
  private static final Set<String> OWNED =
      Set.of(
          "x-ms-server-fqdn",
          "cache-control",
          "content-type",
          "server",
          "x-powered-by",
          "x-content-type-options");

  private IisPersona() {}

  public static WebResponse dress(WebResponse response, Topology topology) {
    if (response.transportFault().isPresent()) {
      return response;
    }
    WebResponse dressed =
        WebResponse.status(response.status())
            .withHeader("X-MS-Server-Fqdn", topology.primaryPool().fqdn())
            .withHeader("Cache-Control", response.header("Cache-Control").orElse("private"));
    if (!response.contentType().isEmpty()) {
      dressed = dressed.withHeader("Content-Type", response.contentType());
    }
    dressed = dressed.withHeader("Server", topology.webService().serverHeader());
    for (Map.Entry<String, String> header : response.headers()) {
      if (!OWNED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
        dressed = dressed.withHeader(header.getKey(), header.getValue());
      }
    }
    dressed =
        dressed
            .withHeader("X-Powered-By", "ASP.NET")
            .withHeader("X-Content-Type-Options", "nosniff");
    return new WebResponse(
        dressed.status(),
        dressed.headers(),
        response.contentType(),
        response.body(),
        response.transportFault(),
        response.journalAttributes());
  }
}
