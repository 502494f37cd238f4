package io.lyncemu.core.federation;

/**
 * How the Access Edge finds a federated domain's server (Get-CsAccessEdgeConfiguration
 * RoutingMethod): DNS SRV look-ups of {@code _sipfederationtls._tcp.<domain>}, or every request to
 * one default route (DefaultRouteFqdn). Hosting-provider federation needs DNS SRV routing.
 */
public enum RoutingMethod {
  USE_DNS_SRV_ROUTING,
  USE_DEFAULT_ROUTING;

  public static RoutingMethod parse(String value) {
    return EnumNames.parse(RoutingMethod.class, value);
  }

  @Override
  public String toString() {
    return switch (this) {
      case USE_DNS_SRV_ROUTING -> "UseDnsSrvRouting";
      case USE_DEFAULT_ROUTING -> "UseDefaultRouting";
    };
  }
}
