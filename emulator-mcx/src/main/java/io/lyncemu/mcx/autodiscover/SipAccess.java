package io.lyncemu.mcx.autodiscover;

import java.util.Objects;

/**
 * One SIP access element ({@code SipServerInternalAccess}, {@code SipClientExternalAccess} …):
 * where a client or server connects for SIP, by FQDN and port.
 */
public record SipAccess(String element, String fqdn, int port) {
  public SipAccess {
    Objects.requireNonNull(element, "element");
    Objects.requireNonNull(fqdn, "fqdn");
  }
}
