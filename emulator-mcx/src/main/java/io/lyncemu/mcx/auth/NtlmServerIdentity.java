package io.lyncemu.mcx.auth;

import java.util.Objects;

/**
 * The names a server advertises in its CHALLENGE: the NetBIOS domain becomes the TargetName, and
 * all five names become TargetInfo AV pairs 1 to 5 (MS-NLMP §2.2.2.1). Recon tools read these, so
 * they should match the emulated topology. Immutable.
 *
 * @param netbiosComputerName e.g. {@code ATL-CS-001}
 * @param netbiosDomainName e.g. {@code LITWAREINC}
 * @param dnsComputerName e.g. {@code atl-cs-001.litwareinc.com}
 * @param dnsDomainName e.g. {@code litwareinc.com}
 * @param dnsTreeName the forest root, e.g. {@code litwareinc.com}
 */
public record NtlmServerIdentity(
    String netbiosComputerName,
    String netbiosDomainName,
    String dnsComputerName,
    String dnsDomainName,
    String dnsTreeName) {

  public NtlmServerIdentity {
    Objects.requireNonNull(netbiosComputerName, "netbiosComputerName");
    Objects.requireNonNull(netbiosDomainName, "netbiosDomainName");
    Objects.requireNonNull(dnsComputerName, "dnsComputerName");
    Objects.requireNonNull(dnsDomainName, "dnsDomainName");
    Objects.requireNonNull(dnsTreeName, "dnsTreeName");
  }
}
