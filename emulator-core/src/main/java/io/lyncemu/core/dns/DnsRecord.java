package io.lyncemu.core.dns;

import java.util.Locale;
import java.util.Objects;

/**
 * One resource record in an emulated zone, in the shape Windows DNS Server shows it: a zone, a host
 * name relative to the zone ({@code @} for the zone apex), a type and the record data. A records
 * carry {@code address}; SRV records carry priority, weight, port and target. TTL in seconds.
 */
public record DnsRecord(
    String zone,
    String hostName,
    DnsRecordType type,
    Long ttl,
    String address,
    Integer priority,
    Integer weight,
    Integer port,
    String target) {

  public DnsRecord {
    zone = name(Objects.requireNonNull(zone, "zone"));
    hostName = hostName == null || hostName.isBlank() ? "@" : name(hostName);
    Objects.requireNonNull(type, "type");
    ttl = ttl == null ? 3600L : ttl;
    if (type == DnsRecordType.A) {
      if (address == null || !address.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
        throw new IllegalArgumentException(
            "A record " + hostName + "." + zone + " needs an IPv4 address, not " + address);
      }
      priority = weight = port = null;
      target = null;
    } else {
      priority = priority == null ? 0 : priority;
      weight = weight == null ? 0 : weight;
      if (port == null || port < 0 || port > 65535) {
        throw new IllegalArgumentException("SRV record " + hostName + " needs a port 0-65535");
      }
      target = name(Objects.requireNonNull(target, "SRV target"));
      address = null;
    }
  }

  public static DnsRecord a(String zone, String hostName, String address) {
    return new DnsRecord(zone, hostName, DnsRecordType.A, null, address, null, null, null, null);
  }

  public static DnsRecord srv(
      String zone, String hostName, int priority, int weight, int port, String target) {
    return new DnsRecord(
        zone, hostName, DnsRecordType.SRV, null, null, priority, weight, port, target);
  }

  /**
   * The record's full name without a trailing dot, e.g. {@code _xmpp-server._tcp.litwareinc.com}.
   */
  public String fqdn() {
    return hostName.equals("@") ? zone : hostName + "." + zone;
  }

  /** RecordData as Get-DnsServerResourceRecord prints it. */
  public String recordData() {
    return type == DnsRecordType.A
        ? address
        : "[" + priority + "][" + weight + "][" + port + "][" + target + ".]";
  }

  /** Host name relative to {@code zone} for a full name, {@code @} for the apex. */
  public static String relative(String fqdn, String zone) {
    String f = name(fqdn);
    String z = name(zone);
    if (f.equals(z)) {
      return "@";
    }
    if (!f.endsWith("." + z)) {
      throw new IllegalArgumentException(fqdn + " is not in the zone " + zone);
    }
    return f.substring(0, f.length() - z.length() - 1);
  }

  static String name(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    return v.endsWith(".") ? v.substring(0, v.length() - 1) : v;
  }
}
