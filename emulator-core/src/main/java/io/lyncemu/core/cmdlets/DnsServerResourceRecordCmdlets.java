package io.lyncemu.core.cmdlets;

import io.lyncemu.core.dns.DnsRecord;
import io.lyncemu.core.dns.DnsRecordType;
import io.lyncemu.core.journal.EventJournal;
import io.lyncemu.core.journal.EventKind;
import io.lyncemu.core.journal.NewEvent;
import io.lyncemu.core.management.Cmdlet;
import io.lyncemu.core.management.CmdletArguments;
import io.lyncemu.core.management.CmdletException;
import io.lyncemu.core.management.CmdletOutput;
import io.lyncemu.core.management.DefaultViews;
import io.lyncemu.core.management.PsObject;
import io.lyncemu.core.management.SimpleCmdlet;
import io.lyncemu.core.topology.Deployment;
import io.lyncemu.core.topology.Topology;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The Windows DNS Server cmdlets an administrator uses on the emulated zones: Get-, Add- and
 * Remove-DnsServerResourceRecord (A and SRV), the Add-DnsServerResourceRecordA shortcut, and
 * Add-DnsServerPrimaryZone so that a partner's zone (e.g. fabrikam.com) can be served with records
 * that point at a partner server on any loopback port. Every change is journaled as {@code
 * DNS_RECORD_CHANGED} and takes effect on the next query.
 */
public final class DnsServerResourceRecordCmdlets {
  private static final String SOURCE = "dns";
  private static final String[] ADD_PARAMETERS = {
    "ZoneName",
    "Name",
    "A",
    "Srv",
    "IPv4Address",
    "DomainName",
    "Priority",
    "Weight",
    "Port",
    "TimeToLive",
    "ComputerName",
    "CreatePtr",
    "AllowUpdateAny",
    "PassThru"
  };
  private final Deployment deployment;
  private final EventJournal journal;

  public DnsServerResourceRecordCmdlets(Deployment deployment, EventJournal journal) {
    this.deployment = Objects.requireNonNull(deployment, "deployment");
    this.journal = Objects.requireNonNull(journal, "journal");
  }

  public List<Cmdlet> all() {
    return List.of(
        new SimpleCmdlet(
            "Get-DnsServerResourceRecord", "Gets resource records from a DNS zone.", this::get),
        new SimpleCmdlet(
            "Add-DnsServerResourceRecord", "Adds an A or SRV record to a DNS zone.", this::add),
        new SimpleCmdlet(
            "Add-DnsServerResourceRecordA", "Adds an A record to a DNS zone.", this::addA),
        new SimpleCmdlet(
            "Remove-DnsServerResourceRecord",
            "Removes resource records from a DNS zone.",
            this::remove),
        new SimpleCmdlet(
            "Add-DnsServerPrimaryZone", "Adds a primary zone to the DNS server.", this::addZone));
  }

  private CmdletOutput get(CmdletArguments args) {
    args.allow("Get-DnsServerResourceRecord", "ZoneName", "Name", "RRType", "ComputerName", "Node");
    Topology topology = deployment.current();
    String zone = zone(topology, args.require("ZoneName"));
    Optional<DnsRecordType> type = args.get("RRType").map(DnsServerResourceRecordCmdlets::type);
    Optional<String> name = args.get("Name").or(() -> args.identity()).map(n -> host(n, zone));
    List<DnsRecord> found =
        topology.dns().inZone(zone).stream()
            .filter(r -> type.map(t -> r.type() == t).orElse(true))
            .filter(r -> name.map(n -> r.hostName().equals(n)).orElse(true))
            .toList();
    if (found.isEmpty() && name.isPresent()) {
      throw new CmdletException(
          "ObjectNotFound",
          "Failed to get "
              + name.get()
              + " record in "
              + zone
              + " zone on "
              + server(topology)
              + " server.");
    }
    return CmdletOutput.of(found.stream().map(DnsServerResourceRecordCmdlets::describe).toList());
  }

  private CmdletOutput add(CmdletArguments args) {
    args.allow("Add-DnsServerResourceRecord", ADD_PARAMETERS);
    boolean a = args.bool("A").orElse(false);
    boolean srv = args.bool("Srv").orElse(false);
    if (a == srv) {
      throw CmdletException.invalidArgument(
          "Parameter set cannot be resolved using the specified named parameters. Give -A or"
              + " -Srv.");
    }
    return a ? addA(args) : addSrv(args);
  }

  private CmdletOutput addA(CmdletArguments args) {
    args.allow("Add-DnsServerResourceRecordA", ADD_PARAMETERS);
    Topology topology = deployment.current();
    String zone = zone(topology, args.require("ZoneName"));
    String address = args.require("IPv4Address");
    DnsRecord record;
    try {
      record =
          new DnsRecord(
              zone,
              host(args.require("Name"), zone),
              DnsRecordType.A,
              ttl(args),
              address,
              null,
              null,
              null,
              null);
    } catch (IllegalArgumentException e) {
      throw CmdletException.invalidArgument(
          "Cannot process argument transformation on parameter 'IPv4Address'. Cannot convert"
              + " value \""
              + address
              + "\" to type \"System.Net.IPAddress\".");
    }
    return store(topology, record, args);
  }

  private CmdletOutput addSrv(CmdletArguments args) {
    Topology topology = deployment.current();
    String zone = zone(topology, args.require("ZoneName"));
    long port = args.integer("Port").orElseThrow(() -> missing("Port"));
    long priority = args.integer("Priority").orElseThrow(() -> missing("Priority"));
    long weight = args.integer("Weight").orElseThrow(() -> missing("Weight"));
    for (String parameter : List.of("Port", "Priority", "Weight")) {
      long value = args.integer(parameter).orElse(0L);
      if (value < 0 || value > 65535) {
        throw CmdletException.invalidArgument(
            "Cannot validate argument on parameter '"
                + parameter
                + "'. The "
                + value
                + " argument is greater than the maximum allowed range of 65535.");
      }
    }
    DnsRecord record =
        new DnsRecord(
            zone,
            host(args.require("Name"), zone),
            DnsRecordType.SRV,
            ttl(args),
            null,
            (int) priority,
            (int) weight,
            (int) port,
            args.require("DomainName"));
    return store(topology, record, args);
  }

  private CmdletOutput store(Topology topology, DnsRecord record, CmdletArguments args) {
    if (topology.dns().records().contains(record)) {
      throw new CmdletException(
          "ResourceExists",
          "Failed to create resource record "
              + record.hostName()
              + " in zone "
              + record.zone()
              + " on server "
              + server(topology)
              + ". The resource record already exists.");
    }
    deployment.update(
        "DNS add " + record.fqdn() + " " + record.type() + " " + record.recordData(),
        t -> t.withDns(t.dns().withRecord(record)));
    journal(record.zone(), "added", record);
    return args.bool("PassThru").orElse(false)
        ? CmdletOutput.of(describe(record))
        : CmdletOutput.none();
  }

  private CmdletOutput remove(CmdletArguments args) {
    args.allow(
        "Remove-DnsServerResourceRecord",
        "ZoneName",
        "Name",
        "RRType",
        "RecordData",
        "Force",
        "ComputerName",
        "Confirm");
    Topology topology = deployment.current();
    String zone = zone(topology, args.require("ZoneName"));
    DnsRecordType type = type(args.require("RRType"));
    String name = host(args.get("Name").or(() -> args.identity()).orElse("@"), zone);
    Optional<String> data = args.get("RecordData").map(DnsServerResourceRecordCmdlets::data);
    List<DnsRecord> removed =
        topology.dns().inZone(zone).stream()
            .filter(r -> r.type() == type && r.hostName().equals(name))
            .filter(r -> data.map(d -> data(r.recordData()).equals(d)).orElse(true))
            .toList();
    if (removed.isEmpty()) {
      throw new CmdletException(
          "ObjectNotFound",
          "Failed to find "
              + pretty(type)
              + " record "
              + name
              + data.map(d -> " with record data " + d).orElse("")
              + " in zone "
              + zone
              + " on server "
              + server(topology)
              + ".");
    }
    deployment.update(
        "DNS remove " + name + "." + zone + " " + type,
        t -> t.withDns(t.dns().withoutRecords(removed)));
    removed.forEach(r -> journal(zone, "removed", r));
    return CmdletOutput.none();
  }

  private CmdletOutput addZone(CmdletArguments args) {
    args.allow(
        "Add-DnsServerPrimaryZone",
        "Name",
        "ZoneFile",
        "ReplicationScope",
        "DynamicUpdate",
        "ComputerName",
        "PassThru");
    Topology topology = deployment.current();
    String zone =
        canonical(args.get("Name").or(() -> args.identity()).orElseThrow(() -> missing("Name")));
    if (topology.dns().zones().contains(zone)) {
      throw new CmdletException(
          "ResourceExists",
          "Failed to create zone "
              + zone
              + " on server "
              + server(topology)
              + ". The zone already exists.");
    }
    deployment.update("DNS add zone " + zone, t -> t.withDns(t.dns().withZone(zone)));
    journal.record(
        NewEvent.of(SOURCE, EventKind.DNS_RECORD_CHANGED)
            .with("zone", zone)
            .with("change", "zone added"));
    return CmdletOutput.none();
  }

  private void journal(String zone, String change, DnsRecord record) {
    journal.record(
        NewEvent.of(SOURCE, EventKind.DNS_RECORD_CHANGED)
            .with("zone", zone)
            .with("change", change)
            .with("name", record.fqdn())
            .with("type", record.type().name())
            .with("data", record.recordData()));
  }

  /** The record as the DnsServer module's CIM object; printed as a table by default. */
  static PsObject describe(DnsRecord record) {
    return PsObject.of(DefaultViews.DNS_RESOURCE_RECORD)
        .put("DistinguishedName", "DC=" + record.hostName() + ",DC=" + record.zone())
        .put("HostName", record.hostName())
        .put("RecordClass", "IN")
        .put("RecordData", record.recordData())
        .put("RecordType", record.type() == DnsRecordType.A ? "A" : "SRV")
        .put("Timestamp", "0")
        .put("TimeToLive", timeToLive(record.ttl()))
        .put("Type", record.type() == DnsRecordType.A ? 1 : 33)
        .build();
  }

  private static String timeToLive(long seconds) {
    long days = seconds / 86_400;
    String clock =
        String.format(
            Locale.ROOT,
            "%02d:%02d:%02d",
            (seconds / 3600) % 24,
            (seconds / 60) % 60,
            seconds % 60);
    return days > 0 ? days + "." + clock : clock;
  }

  private static Long ttl(CmdletArguments args) {
    return args.duration("TimeToLive").map(d -> d.toSeconds()).orElse(null);
  }

  private static String zone(Topology topology, String name) {
    String zone = canonical(name);
    if (!topology.dns().zones().contains(zone)) {
      throw new CmdletException(
          "ObjectNotFound", "Failed to find zone " + zone + " on server " + server(topology) + ".");
    }
    return zone;
  }

  /** A name given relative to the zone or fully qualified, as Windows accepts both. */
  private static String host(String name, String zone) {
    String n = canonical(name);
    if (n.equals("@") || n.equals(zone)) {
      return "@";
    }
    return n.endsWith("." + zone) ? DnsRecord.relative(n, zone) : n;
  }

  private static String canonical(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    return n.endsWith(".") && n.length() > 1 ? n.substring(0, n.length() - 1) : n;
  }

  /** Record data compared loosely: case, spaces and the target's final dot do not matter. */
  private static String data(String text) {
    return text.replace(" ", "").replace(".]", "]").toLowerCase(Locale.ROOT);
  }

  private static DnsRecordType type(String text) {
    return switch (text.trim().toUpperCase(Locale.ROOT)) {
      case "A" -> DnsRecordType.A;
      case "SRV" -> DnsRecordType.SRV;
      default ->
          throw CmdletException.invalidArgument(
              "Cannot process argument transformation on parameter 'RRType'. The emulated DNS"
                  + " server holds A and SRV records only, not '"
                  + text
                  + "'.");
    };
  }

  private static String pretty(DnsRecordType type) {
    return type == DnsRecordType.A ? "A" : "Srv";
  }

  /** The emulated DNS server's computer name (emulator-defined: the domain's DC). */
  static String server(Topology topology) {
    return topology.netbiosDomain().toUpperCase(Locale.ROOT) + "-DC01";
  }

  private static CmdletException missing(String parameter) {
    return CmdletException.invalidArgument(
        "Cannot bind argument to parameter '" + parameter + "' because it is null or missing.");
  }
}
