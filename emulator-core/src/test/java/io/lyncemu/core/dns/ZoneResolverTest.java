package io.lyncemu.core.dns;

import static org.assertj.core.api.Assertions.assertThat;

import io.lyncemu.core.journal.InMemoryEventJournal;
import io.lyncemu.core.time.EmulatorClock;
import io.lyncemu.core.topology.Deployment;
import io.lyncemu.core.topology.TopologyLoader;
import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ZoneResolverTest {
  private final InMemoryEventJournal journal =
      new InMemoryEventJournal(EmulatorClock.fixed(Instant.parse("2026-11-23T10:00:00Z")));
  private final Deployment deployment =
      new Deployment(new TopologyLoader().builtIn("litwareinc"), journal);
  private final EmulatedPorts ports = new EmulatedPorts();

  /** An upstream that knows one partner name, to see which look-ups reach it. */
  private static final NameResolver UPSTREAM =
      new NameResolver() {
        @Override
        public List<SrvTarget> lookupSrv(String name) {
          return name.equals("_xmpp-server._tcp.fabrikam.com")
              ? List.of(new SrvTarget(0, 0, "xmpp.fabrikam.com", 15269))
              : List.of();
        }

        @Override
        public List<InetAddress> lookupAddress(String host) {
          return List.of(InetAddress.getLoopbackAddress());
        }
      };

  private final ZoneResolver resolver = new ZoneResolver(deployment, ports, UPSTREAM);

  @Test
  void theDefaultZoneHasTheRecordsAWorkingDeploymentNeeds() {
    DnsZones zones = deployment.current().dns();

    assertThat(zones.zones()).contains("litwareinc.com");
    assertThat(zones.lookup("_xmpp-server._tcp.litwareinc.com", DnsRecordType.SRV))
        .extracting(DnsRecord::recordData)
        .containsExactly("[0][0][5269][sip.litwareinc.com.]");
    assertThat(zones.lookup("_sipfederationtls._tcp.litwareinc.com", DnsRecordType.SRV))
        .extracting(DnsRecord::port)
        .containsExactly(5061);
    assertThat(zones.lookup("atl-cs-001.litwareinc.com", DnsRecordType.A)).hasSize(1);
    assertThat(zones.lookup("lyncdiscover.litwareinc.com", DnsRecordType.A)).hasSize(1);
  }

  @Test
  void srvAnswersCarryThePortTheEmulatorReallyBound() throws Exception {
    try (AutoCloseable bound = ports.register("sip.litwareinc.com", 5269, 40123)) {
      assertThat(resolver.lookupSrv("_xmpp-server._tcp.litwareinc.com"))
          .containsExactly(new SrvTarget(0, 0, "sip.litwareinc.com", 40123));
    }
    assertThat(resolver.lookupSrv("_xmpp-server._tcp.litwareinc.com"))
        .containsExactly(new SrvTarget(0, 0, "sip.litwareinc.com", 5269));
  }

  @Test
  void aRemovedRecordIsGoneAuthoritativelyEvenIfUpstreamWouldAnswer() {
    DnsZones zones = deployment.current().dns();
    deployment.update(
        "remove SRV",
        t ->
            t.withDns(
                zones.withoutRecords(
                    zones.lookup("_xmpp-server._tcp.litwareinc.com", DnsRecordType.SRV))));

    assertThat(resolver.lookupSrv("_xmpp-server._tcp.litwareinc.com")).isEmpty();
    assertThat(resolver.lookupAddress("nothing-here.litwareinc.com")).isEmpty();
  }

  @Test
  void namesOutsideTheEmulatedZonesGoUpstreamUntilAZoneIsAddedForThem() {
    assertThat(resolver.lookupSrv("_xmpp-server._tcp.fabrikam.com"))
        .containsExactly(new SrvTarget(0, 0, "xmpp.fabrikam.com", 15269));

    DnsZones zones = deployment.current().dns();
    deployment.update(
        "add zone",
        t ->
            t.withDns(
                zones.withRecord(
                    DnsRecord.srv(
                        "fabrikam.com",
                        "_xmpp-server._tcp",
                        0,
                        0,
                        25269,
                        "prosody.fabrikam.com"))));

    assertThat(resolver.lookupSrv("_xmpp-server._tcp.fabrikam.com"))
        .containsExactly(new SrvTarget(0, 0, "prosody.fabrikam.com", 25269));
  }
}
