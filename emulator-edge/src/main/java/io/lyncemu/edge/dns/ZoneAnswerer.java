package io.lyncemu.edge.dns;

import io.lyncemu.core.dns.DnsRecord;
import io.lyncemu.core.dns.DnsZones;
import io.lyncemu.core.dns.EmulatedPorts;
import io.lyncemu.core.dns.NameResolver;
import io.lyncemu.core.dns.SrvTarget;
import io.lyncemu.core.topology.Deployment;
import io.netty.handler.codec.dns.DnsRawRecord;
import io.netty.handler.codec.dns.DnsRecordType;
import io.netty.handler.codec.dns.DnsResponseCode;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Answers one question from the live zones, or through the upstream for names outside them. Inside
 * a zone the answer is authoritative: a name with no record at all (and no record below it) is
 * NXDOMAIN, a name with records of other types is NOERROR with no answer. SRV answers carry the
 * port the emulator bound ({@link EmulatedPorts}), and the additional section gives the A records
 * of SRV targets inside the zones. Thread-safe: reads the deployment's current topology per call.
 */
final class ZoneAnswerer {
  /** TTL of answers relayed from the upstream: short, so a test's change upstream shows quickly. */
  static final long UPSTREAM_TTL = 30;

  private final Deployment deployment;
  private final EmulatedPorts ports;
  private final Optional<NameResolver> upstream;

  ZoneAnswerer(Deployment deployment, EmulatedPorts ports, Optional<NameResolver> upstream) {
    this.deployment = Objects.requireNonNull(deployment, "deployment");
    this.ports = Objects.requireNonNull(ports, "ports");
    this.upstream = Objects.requireNonNull(upstream, "upstream");
  }

  /** True when {@code name} lies in an emulated zone and can be answered without blocking. */
  boolean isEmulated(String name) {
    return deployment.current().dns().zoneOf(name).isPresent();
  }

  boolean hasUpstream() {
    return upstream.isPresent();
  }

  /** Answers from the zones; for a name outside them see {@link #forward}. */
  DnsAnswer fromZones(String name, DnsRecordType type) {
    DnsZones zones = deployment.current().dns();
    String fqdn = normal(name);
    List<DnsRawRecord> answers = new ArrayList<>();
    List<DnsRawRecord> additionals = new ArrayList<>();
    boolean any = type == DnsRecordType.ANY;
    if (type == DnsRecordType.A || any) {
      for (DnsRecord r : zones.lookup(fqdn, io.lyncemu.core.dns.DnsRecordType.A)) {
        answers.add(DnsWire.a(fqdn, r.ttl(), r.address()));
      }
    }
    if (type == DnsRecordType.SRV || any) {
      for (DnsRecord r : zones.lookup(fqdn, io.lyncemu.core.dns.DnsRecordType.SRV)) {
        int port = ports.resolve(r.target(), r.port());
        answers.add(DnsWire.srv(fqdn, r.ttl(), r.priority(), r.weight(), port, r.target()));
        for (DnsRecord glue : zones.lookup(r.target(), io.lyncemu.core.dns.DnsRecordType.A)) {
          additionals.add(DnsWire.a(glue.fqdn(), glue.ttl(), glue.address()));
        }
      }
    }
    if (answers.isEmpty() && !exists(zones, fqdn)) {
      return DnsAnswer.of(DnsResponseCode.NXDOMAIN, true);
    }
    return new DnsAnswer(DnsResponseCode.NOERROR, true, answers, additionals);
  }

  /**
   * Answers a name outside the zones through the upstream; blocks for up to the upstream's timeout.
   * A and SRV are looked up; other types get an empty NOERROR, so that a resolver asking for AAAA
   * first falls back to A. Without an upstream the server refuses, as a DNS server with recursion
   * disabled does.
   */
  DnsAnswer forward(String name, DnsRecordType type) {
    if (upstream.isEmpty()) {
      return DnsAnswer.of(DnsResponseCode.REFUSED, false);
    }
    String fqdn = normal(name);
    List<DnsRawRecord> answers = new ArrayList<>();
    if (type == DnsRecordType.A) {
      for (InetAddress address : upstream.get().lookupAddress(fqdn)) {
        if (address instanceof Inet4Address) {
          answers.add(DnsWire.a(fqdn, UPSTREAM_TTL, address.getHostAddress()));
        }
      }
    } else if (type == DnsRecordType.SRV) {
      for (SrvTarget t : upstream.get().lookupSrv(fqdn)) {
        answers.add(DnsWire.srv(fqdn, UPSTREAM_TTL, t.priority(), t.weight(), t.port(), t.host()));
      }
    }
    return new DnsAnswer(DnsResponseCode.NOERROR, false, answers, List.of());
  }

  /** The apex, a record's own name, or an empty non-terminal such as {@code _tcp.zone}. */
  private static boolean exists(DnsZones zones, String fqdn) {
    return zones.zones().contains(fqdn)
        || zones.records().stream()
            .anyMatch(r -> r.fqdn().equals(fqdn) || r.fqdn().endsWith("." + fqdn));
  }

  static String normal(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
  }
}
