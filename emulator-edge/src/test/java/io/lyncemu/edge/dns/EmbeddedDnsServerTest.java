package io.lyncemu.edge.dns;

import static org.assertj.core.api.Assertions.assertThat;

import io.lyncemu.core.cmdlets.DnsServerResourceRecordCmdlets;
import io.lyncemu.core.dns.EmulatedPorts;
import io.lyncemu.core.dns.SrvTarget;
import io.lyncemu.core.journal.EventKind;
import io.lyncemu.core.journal.InMemoryEventJournal;
import io.lyncemu.core.journal.JournalQuery;
import io.lyncemu.core.management.CmdletRegistry;
import io.lyncemu.core.management.CommandLine;
import io.lyncemu.core.time.EmulatorClock;
import io.lyncemu.core.topology.Deployment;
import io.lyncemu.core.topology.TopologyLoader;
import io.netty.handler.codec.dns.DnsRecordType;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EmbeddedDnsServerTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(2);
  private final InMemoryEventJournal journal = new InMemoryEventJournal(EmulatorClock.system());
  private final Deployment deployment =
      new Deployment(new TopologyLoader().load("litwareinc"), journal);
  private final EmulatedPorts ports = new EmulatedPorts();
  private final CmdletRegistry cmdlets = new CmdletRegistry(journal);
  private EmbeddedDnsServer server;
  private DnsClient client;

  @BeforeEach
  void start() {
    cmdlets.registerAll(new DnsServerResourceRecordCmdlets(deployment, journal).all());
    server = newServer(deployment, Optional.empty());
    server.start();
    client = new DnsClient(server.endpoints().get(EmbeddedDnsServer.LISTENER), TIMEOUT);
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private EmbeddedDnsServer newServer(
      Deployment zones, Optional<io.lyncemu.core.dns.NameResolver> upstream) {
    return new EmbeddedDnsServer("127.0.0.1", 0, zones, ports, upstream, journal, TIMEOUT);
  }

  private void run(String line) {
    CommandLine parsed = CommandLine.parse(line);
    cmdlets.invoke(parsed.cmdlet(), parsed.arguments());
  }

  @Test
  void srvAnswerCarriesTheBoundPortAndTheTargetsAddress() throws Exception {
    try (AutoCloseable mapping = ports.register("sip.litwareinc.com", 5269, 15269)) {
      DnsReply reply = client.queryUdp("_xmpp-server._tcp.litwareinc.com", DnsRecordType.SRV);

      assertThat(reply.code()).isEqualTo("NOERROR");
      assertThat(reply.authoritative()).isTrue();
      assertThat(reply.services())
          .containsExactly(new SrvTarget(0, 0, "sip.litwareinc.com", 15269));
      assertThat(reply.additionalAddresses()).containsExactly(InetAddress.getByName("127.0.0.1"));
    }
    assertThat(client.queryUdp("_xmpp-server._tcp.litwareinc.com", DnsRecordType.SRV).services())
        .extracting(SrvTarget::port)
        .containsExactly(5269);
  }

  @Test
  void answersARecordsAndTellsMissingNamesFromMissingTypes() {
    assertThat(client.queryUdp("lyncdiscover.litwareinc.com", DnsRecordType.A).addresses())
        .extracting(InetAddress::getHostAddress)
        .containsExactly("127.0.0.1");
    DnsReply missing = client.queryUdp("nothere.litwareinc.com", DnsRecordType.A);
    assertThat(missing.code()).isEqualTo("NXDOMAIN");
    assertThat(missing.authoritative()).isTrue();
    DnsReply otherType = client.queryUdp("lyncdiscover.litwareinc.com", DnsRecordType.AAAA);
    assertThat(otherType.code()).isEqualTo("NOERROR");
    assertThat(otherType.answerCount()).isZero();
    assertThat(client.queryUdp("_tcp.litwareinc.com", DnsRecordType.A).code())
        .as("an empty non-terminal exists")
        .isEqualTo("NOERROR");
    assertThat(journal.query(JournalQuery.kind(EventKind.DNS_QUERY).where("rcode", "NXDOMAIN")))
        .isNotEmpty();
  }

  @Test
  void aRecordRemovedByTheCmdletIsGoneOnTheNextQuery() {
    String name = "_xmpp-server._tcp.litwareinc.com";
    assertThat(client.queryUdp(name, DnsRecordType.SRV).services()).hasSize(1);

    run(
        "Remove-DnsServerResourceRecord -ZoneName litwareinc.com -Name _xmpp-server._tcp"
            + " -RRType Srv -Force");

    DnsReply reply = client.queryUdp(name, DnsRecordType.SRV);
    assertThat(reply.code()).isEqualTo("NXDOMAIN");
    assertThat(reply.services()).isEmpty();
    assertThat(journal.query(JournalQuery.kind(EventKind.DNS_RECORD_CHANGED))).hasSize(1);
  }

  @Test
  void aPartnerZoneAddedByCmdletsIsServedWithItsRealPort() {
    assertThat(client.queryUdp("_xmpp-server._tcp.fabrikam.com", DnsRecordType.SRV).code())
        .as("outside the zones without an upstream")
        .isEqualTo("REFUSED");

    run("Add-DnsServerPrimaryZone -Name fabrikam.com -ZoneFile fabrikam.com.dns");
    run(
        "Add-DnsServerResourceRecord -ZoneName fabrikam.com -Name _xmpp-server._tcp -Srv"
            + " -DomainName xmpp.fabrikam.com -Priority 0 -Weight 0 -Port 15269");
    run("Add-DnsServerResourceRecordA -ZoneName fabrikam.com -Name xmpp -IPv4Address 127.0.0.1");

    DnsReply reply = client.queryUdp("_xmpp-server._tcp.fabrikam.com", DnsRecordType.SRV);
    assertThat(reply.services()).containsExactly(new SrvTarget(0, 0, "xmpp.fabrikam.com", 15269));
    assertThat(reply.additionalAddresses()).hasSize(1);
  }

  @Test
  void namesOutsideTheZonesAreForwardedToTheUpstream() {
    InMemoryEventJournal otherJournal = new InMemoryEventJournal(EmulatorClock.system());
    Deployment partner = new Deployment(new TopologyLoader().load("litwareinc"), otherJournal);
    partner.update(
        "partner zone",
        t ->
            t.withDns(
                t.dns()
                    .withRecord(
                        io.lyncemu.core.dns.DnsRecord.srv(
                            "partner.example",
                            "_xmpp-server._tcp",
                            5,
                            0,
                            15269,
                            "xmpp.partner.example"))
                    .withRecord(
                        io.lyncemu.core.dns.DnsRecord.a("partner.example", "xmpp", "127.0.0.1"))));
    EmbeddedDnsServer upstreamServer = newServer(partner, Optional.empty());
    upstreamServer.start();
    EmbeddedDnsServer forwarding =
        newServer(
            deployment,
            Optional.of(
                new UpstreamDnsResolver(
                    upstreamServer.endpoints().get(EmbeddedDnsServer.LISTENER), TIMEOUT)));
    forwarding.start();
    try {
      DnsClient viaForwarder =
          new DnsClient(forwarding.endpoints().get(EmbeddedDnsServer.LISTENER), TIMEOUT);
      DnsReply srv = viaForwarder.queryUdp("_xmpp-server._tcp.partner.example", DnsRecordType.SRV);
      assertThat(srv.authoritative()).isFalse();
      assertThat(srv.services())
          .containsExactly(new SrvTarget(5, 0, "xmpp.partner.example", 15269));
      assertThat(viaForwarder.queryUdp("xmpp.partner.example", DnsRecordType.A).addresses())
          .extracting(InetAddress::getHostAddress)
          .containsExactly("127.0.0.1");
      assertThat(
              viaForwarder
                  .queryUdp("_xmpp-server._tcp.litwareinc.com", DnsRecordType.SRV)
                  .authoritative())
          .isTrue();
    } finally {
      forwarding.stop();
      upstreamServer.stop();
    }
  }

  @Test
  void anUnreachableUpstreamGivesAnEmptyListNotAHang() throws Exception {
    try (DatagramSocket silent = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      UpstreamDnsResolver upstream =
          new UpstreamDnsResolver(
              new InetSocketAddress("127.0.0.1", silent.getLocalPort()), Duration.ofMillis(300));
      assertThat(upstream.lookupSrv("_xmpp-server._tcp.partner.example")).isEmpty();
      assertThat(upstream.lookupAddress("partner.example")).isEmpty();
    }
  }

  @Test
  void keepsServingAfterMalformedPackets() throws Exception {
    InetSocketAddress address = server.endpoints().get(EmbeddedDnsServer.LISTENER);
    try (DatagramSocket socket = new DatagramSocket()) {
      byte[] garbage = {1, 2, 3, 4, 5, 6, 7, (byte) 0xff, (byte) 0xff, 0, 0, 0, 9};
      socket.send(new DatagramPacket(garbage, garbage.length, address));
    }
    try (Socket tcp = new Socket(address.getAddress(), address.getPort())) {
      tcp.getOutputStream().write(new byte[] {0, 5, 9, 9, 9, 9, 9});
      tcp.setSoTimeout(2000);
      assertThat(tcp.getInputStream().read()).as("the connection is closed").isEqualTo(-1);
    }
    assertThat(client.queryUdp("lyncdiscover.litwareinc.com", DnsRecordType.A).code())
        .isEqualTo("NOERROR");
    assertThat(client.queryTcp("lyncdiscover.litwareinc.com", DnsRecordType.A).code())
        .isEqualTo("NOERROR");
  }

  @Test
  void answersOverTcp() {
    DnsReply reply = client.queryTcp("_sipfederationtls._tcp.litwareinc.com", DnsRecordType.SRV);
    assertThat(reply.services()).containsExactly(new SrvTarget(0, 0, "sip.litwareinc.com", 5061));
  }

  @Test
  void aLargeUdpAnswerIsTruncatedAndCompleteOverTcp() {
    for (int i = 1; i <= 40; i++) {
      run(
          "Add-DnsServerResourceRecordA -ZoneName litwareinc.com -Name big -IPv4Address 10.0.0."
              + i);
    }
    DnsReply udp = client.queryUdp("big.litwareinc.com", DnsRecordType.A);
    assertThat(udp.truncated()).isTrue();
    assertThat(udp.answerCount()).isZero();

    DnsReply full = client.query("big.litwareinc.com", DnsRecordType.A);
    assertThat(full.truncated()).isFalse();
    assertThat(full.addresses()).hasSize(40);
  }
}
