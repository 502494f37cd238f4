package io.lyncemu.core.dns;

import io.lyncemu.core.topology.Edge;
import io.lyncemu.core.topology.Pool;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The records of every emulated zone. {@code includeDefaults} (true unless a topology file says
 * otherwise) asks the topology to add the records a working deployment has: A records for every
 * server name, {@code lyncdiscover}, and the SRV records {@code _xmpp-server._tcp} (Edge, 5269) and
 * {@code _sipfederationtls._tcp} (Edge, 5061). Once built into a topology the list is complete and
 * {@code includeDefaults} is false, so removing a default record sticks.
 */
public record DnsZones(List<String> zones, List<DnsRecord> records, Boolean includeDefaults) {
  public static final String LOOPBACK = "127.0.0.1";
  public static final int XMPP_SERVER_PORT = 5269;
  public static final int SIP_FEDERATION_PORT = 5061;

  public DnsZones {
    zones = zones == null ? List.of() : zones.stream().map(DnsRecord::name).distinct().toList();
    records = records == null ? List.of() : List.copyOf(records);
    includeDefaults = includeDefaults == null || includeDefaults;
  }

  /** Completes the model for a topology: its zone, its default records, then the file's own. */
  public DnsZones completeFor(String sipDomain, List<Pool> pools, Edge edge) {
    if (!includeDefaults) {
      return this;
    }
    Set<String> allZones = new LinkedHashSet<>();
    allZones.add(sipDomain);
    allZones.addAll(zones);
    List<DnsRecord> all = new ArrayList<>(defaultRecords(sipDomain, pools, edge));
    for (DnsRecord extra : records) {
      allZones.add(extra.zone());
      all.add(extra);
    }
    return new DnsZones(List.copyOf(allZones), dedupe(all), false);
  }

  private static List<DnsRecord> defaultRecords(String domain, List<Pool> pools, Edge edge) {
    List<DnsRecord> all = new ArrayList<>();
    for (Pool pool : pools) {
      all.add(DnsRecord.a(domain, DnsRecord.relative(pool.fqdn(), domain), LOOPBACK));
    }
    for (String host : List.of("lyncdiscover", "lyncdiscoverinternal")) {
      all.add(DnsRecord.a(domain, host, LOOPBACK));
    }
    all.add(DnsRecord.a(domain, relativeOrSelf(edge.internalFqdn(), domain), LOOPBACK));
    all.add(DnsRecord.a(domain, relativeOrSelf(edge.accessEdgeFqdn(), domain), LOOPBACK));
    all.add(DnsRecord.a(domain, "@", LOOPBACK));
    all.add(
        DnsRecord.srv(domain, "_xmpp-server._tcp", 0, 0, XMPP_SERVER_PORT, edge.accessEdgeFqdn()));
    all.add(
        DnsRecord.srv(
            domain, "_sipfederationtls._tcp", 0, 0, SIP_FEDERATION_PORT, edge.accessEdgeFqdn()));
    return all;
  }

  private static String relativeOrSelf(String fqdn, String zone) {
    return fqdn.endsWith("." + zone) || fqdn.equals(zone) ? DnsRecord.relative(fqdn, zone) : fqdn;
  }

  private static List<DnsRecord> dedupe(List<DnsRecord> records) {
    return List.copyOf(new LinkedHashSet<>(records));
  }

  /** The emulated zone that holds {@code fqdn}, the longest match; empty outside every zone. */
  public Optional<String> zoneOf(String fqdn) {
    String name = DnsRecord.name(fqdn);
    return zones.stream()
        .filter(z -> name.equals(z) || name.endsWith("." + z))
        .max((a, b) -> Integer.compare(a.length(), b.length()));
  }

  public List<DnsRecord> lookup(String fqdn, DnsRecordType type) {
    String name = DnsRecord.name(fqdn);
    return records.stream().filter(r -> r.type() == type && r.fqdn().equals(name)).toList();
  }

  public List<DnsRecord> inZone(String zone) {
    String z = DnsRecord.name(zone);
    return records.stream().filter(r -> r.zone().equals(z)).toList();
  }

  public DnsZones withRecord(DnsRecord record) {
    List<DnsRecord> all = new ArrayList<>(records);
    all.add(record);
    List<String> allZones = new ArrayList<>(zones);
    if (!allZones.contains(record.zone())) {
      allZones.add(record.zone());
    }
    return new DnsZones(allZones, dedupe(all), false);
  }

  public DnsZones withoutRecords(List<DnsRecord> removed) {
    return new DnsZones(zones, records.stream().filter(r -> !removed.contains(r)).toList(), false);
  }

  public DnsZones withZone(String zone) {
    List<String> allZones = new ArrayList<>(zones);
    allZones.add(zone);
    return new DnsZones(allZones, records, false);
  }
}
