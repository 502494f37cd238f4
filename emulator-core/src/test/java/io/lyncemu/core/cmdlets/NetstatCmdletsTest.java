package io.lyncemu.core.cmdlets;

import static org.assertj.core.api.Assertions.assertThat;

import io.lyncemu.core.journal.InMemoryEventJournal;
import io.lyncemu.core.management.CmdletOutput;
import io.lyncemu.core.management.CmdletRegistry;
import io.lyncemu.core.management.PowerShellFormatter;
import io.lyncemu.core.net.ConnectionTable;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Get-CsEmulatorNetstat and the Windows {@code netstat -ano} table it renders. */
class NetstatCmdletsTest {
  private static final long PID = ProcessHandle.current().pid();

  private final ConnectionTable connections = new ConnectionTable();
  private final CmdletRegistry registry =
      new CmdletRegistry(new InMemoryEventJournal(Clock.systemUTC()))
          .registerAll(new NetstatCmdlets(connections).all());

  @BeforeEach
  void sockets() {
    connections.listening("RTCXMPPTGWPX", new InetSocketAddress("127.0.0.1", 5269));
    connections.listening("RTCXMPPTGWPX", new InetSocketAddress("127.0.0.1", 23456));
    connections.established(
        "RTCXMPPTGWPX",
        new InetSocketAddress("127.0.0.1", 23456),
        new InetSocketAddress("127.0.0.1", 50123));
    connections.listening("RTCSRV", new InetSocketAddress("::1", 5061));
  }

  @Test
  void linesHaveTheWindowsHeaderAndColumns() {
    List<String> lines = NetstatCmdlets.lines(connections.snapshot());

    assertThat(lines.get(0))
        .isEqualTo("  Proto  Local Address          Foreign Address        State           PID");
    assertThat(lines)
        .contains(
            "  TCP    127.0.0.1:5269         0.0.0.0:0              LISTENING       " + PID,
            "  TCP    [::1]:5061             [::]:0                 LISTENING       " + PID,
            "  TCP    127.0.0.1:23456        127.0.0.1:50123        ESTABLISHED     " + PID);
    assertThat(lines).hasSize(5);
  }

  @Test
  void listeningRowsComeBeforeEstablishedOnes() {
    List<String> lines = NetstatCmdlets.lines(connections.snapshot());

    assertThat(lines.subList(1, 4)).allMatch(l -> l.contains("LISTENING"));
    assertThat(lines.get(4)).contains("ESTABLISHED");
  }

  @Test
  void aWellKnownPortAlsoMatchesThePortTheEmulatorBoundForIt() {
    ConnectionTable table = new ConnectionTable();
    io.lyncemu.core.dns.EmulatedPorts ports = new io.lyncemu.core.dns.EmulatedPorts();
    table.listening("RTCXMPPTGWPX", new InetSocketAddress("127.0.0.1", 41234));
    table.listening("RTCSRV", new InetSocketAddress("127.0.0.1", 41235));
    AutoCloseable mapping = ports.register("sip.litwareinc.com", 5269, 41234);

    assertThat(NetstatCmdlets.filter(table.snapshot(), 5269L, ports))
        .singleElement()
        .satisfies(e -> assertThat(e.owner()).isEqualTo("RTCXMPPTGWPX"));

    closeQuietly(mapping); // the listener stopped
    assertThat(NetstatCmdlets.filter(table.snapshot(), 5269L, ports)).isEmpty();
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void filterKeepsRowsWithThePortOnEitherSide() {
    assertThat(NetstatCmdlets.filter(connections.snapshot(), 5269L)).hasSize(1);
    assertThat(NetstatCmdlets.filter(connections.snapshot(), 23456L)).hasSize(2);
    assertThat(NetstatCmdlets.filter(connections.snapshot(), 50123L))
        .singleElement()
        .satisfies(e -> assertThat(e.state()).isEqualTo(ConnectionTable.State.ESTABLISHED));
    assertThat(NetstatCmdlets.filter(connections.snapshot(), 1L)).isEmpty();
    assertThat(NetstatCmdlets.filter(connections.snapshot(), null)).hasSize(4);
  }

  @Test
  void theCmdletListsEachRowWithTheSameInformation() {
    CmdletOutput output = registry.run("Get-CsEmulatorNetstat -Port 5269");

    assertThat(PowerShellFormatter.formatList(output.objects()))
        .contains("Proto          : TCP")
        .contains("LocalAddress   : 127.0.0.1:5269")
        .contains("ForeignAddress : 0.0.0.0:0")
        .contains("State          : LISTENING")
        .contains("PID            : " + PID)
        .contains("Owner          : RTCXMPPTGWPX");
  }

  @Test
  void theCmdletWithoutPortListsEverything() {
    CmdletOutput output = registry.run("Get-CsEmulatorNetstat");

    assertThat(output.objects()).hasSize(4);
    assertThat(output.objects().get(3).get("ForeignAddress")).isEqualTo("127.0.0.1:50123");
  }

  @Test
  void ipv6AddressesAreShortenedAsWindowsPrintsThem() {
    assertThat(NetstatCmdlets.compressed("0:0:0:0:0:0:0:1")).isEqualTo("::1");
    assertThat(NetstatCmdlets.compressed("0:0:0:0:0:0:0:0")).isEqualTo("::");
    assertThat(NetstatCmdlets.compressed("fe80:0:0:0:1:0:0:2")).isEqualTo("fe80::1:0:0:2");
    assertThat(NetstatCmdlets.compressed("2001:db8:0:1:0:0:0:1")).isEqualTo("2001:db8:0:1::1");
    assertThat(NetstatCmdlets.compressed("2001:db8:1:2:3:4:5:6")).isEqualTo("2001:db8:1:2:3:4:5:6");
  }
}
