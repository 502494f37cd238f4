package io.lyncemu.core.tls;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.bouncycastle.util.IPAddress;

/**
 * The normalised subjectAltName set of a server certificate: lower-case DNS names (order kept, the
 * first becomes the subject CN) and IP addresses. Comparison ignores order and spelling variants
 * such as {@code ::1} versus {@code 0:0:0:0:0:0:0:1}, so a stored certificate is only reissued when
 * the set of names really changed. Immutable.
 */
record SubjectAltNames(List<String> dnsNames, List<InetAddress> ipAddresses) {
  private static final int DNS_NAME = 2;
  private static final int IP_ADDRESS = 7;

  /** ASCII host names, optionally with one leading wildcard label (RFC 6125 section 6.4.3). */
  private static final Pattern HOST_NAME =
      Pattern.compile(
          "(\\*\\.)?[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

  SubjectAltNames {
    dnsNames = List.copyOf(dnsNames);
    ipAddresses = List.copyOf(ipAddresses);
  }

  /**
   * Validates and normalises requested names.
   *
   * @throws IllegalArgumentException if there is no DNS name, a name is not a valid host name or an
   *     address is not an IPv4/IPv6 literal
   */
  static SubjectAltNames of(List<String> dnsNames, List<String> ipAddresses) {
    Objects.requireNonNull(dnsNames, "dnsNames");
    Objects.requireNonNull(ipAddresses, "ipAddresses");
    if (dnsNames.isEmpty()) {
      throw new IllegalArgumentException("A server identity needs at least one DNS name");
    }
    Set<String> names = new LinkedHashSet<>();
    for (String dnsName : dnsNames) {
      Objects.requireNonNull(dnsName, "dnsNames element");
      String normalised = dnsName.trim().toLowerCase(Locale.ROOT);
      if (normalised.length() > 253 || !HOST_NAME.matcher(normalised).matches()) {
        throw new IllegalArgumentException(
            "Not a valid DNS name for a certificate: '" + dnsName + "'");
      }
      names.add(normalised);
    }
    Set<InetAddress> addresses = new LinkedHashSet<>();
    for (String ipAddress : ipAddresses) {
      Objects.requireNonNull(ipAddress, "ipAddresses element");
      String literal = ipAddress.trim();
      // Checked first so that InetAddress never performs a DNS lookup for a mistyped name.
      if (!IPAddress.isValid(literal)) {
        throw new IllegalArgumentException("Not an IPv4 or IPv6 literal: '" + ipAddress + "'");
      }
      addresses.add(literalAddress(literal));
    }
    return new SubjectAltNames(new ArrayList<>(names), new ArrayList<>(addresses));
  }

  /**
   * Reads the names of an existing certificate. Entries of other types make the result differ from
   * any requested set, which forces a reissue.
   */
  static SubjectAltNames of(X509Certificate certificate) throws CertificateParsingException {
    Collection<List<?>> entries = certificate.getSubjectAlternativeNames();
    List<String> names = new ArrayList<>();
    List<InetAddress> addresses = new ArrayList<>();
    if (entries != null) {
      for (List<?> entry : entries) {
        int type = (Integer) entry.get(0);
        if (type == DNS_NAME) {
          names.add(((String) entry.get(1)).toLowerCase(Locale.ROOT));
        } else if (type == IP_ADDRESS) {
          addresses.add(literalAddress((String) entry.get(1)));
        } else {
          names.add("unsupported-general-name-type-" + type);
        }
      }
    }
    return new SubjectAltNames(names, addresses);
  }

  /** The subject common name: the first DNS name, as Lync and most tooling display it. */
  String commonName() {
    return dnsNames.get(0);
  }

  /** Same names and addresses, in any order. */
  boolean sameSetAs(SubjectAltNames other) {
    return Set.copyOf(dnsNames).equals(Set.copyOf(other.dnsNames))
        && Set.copyOf(ipAddresses).equals(Set.copyOf(other.ipAddresses));
  }

  /** Names as a person would write them, for log lines explaining a reissue. */
  @Override
  public String toString() {
    List<String> all = new ArrayList<>(dnsNames);
    ipAddresses.forEach(address -> all.add(address.getHostAddress()));
    return all.toString();
  }

  private static InetAddress literalAddress(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("Not an IP address literal: '" + literal + "'", e);
    }
  }
}
