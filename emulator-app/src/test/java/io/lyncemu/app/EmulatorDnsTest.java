package io.lyncemu.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lyncemu.core.dns.SrvTarget;
import io.lyncemu.core.management.CmdletException;
import io.lyncemu.core.management.PowerShellFormatter;
import io.lyncemu.edge.dns.DnsClient;
import io.lyncemu.edge.dns.DnsReply;
import io.lyncemu.edge.dns.EmbeddedDnsServer;
import io.netty.handler.codec.dns.DnsRecordType;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EmulatorDnsTest {
  private static final String XMPP_SRV = "_xmpp-server._tcp.litwareinc.com";

  @Test
  void removingTheSrvRecordByCmdletTakesItOffTheWire() {
    try (LyncEmulator lync =
        LyncEmulator.builder().ports(PortPlan.ephemeral()).adminApi(false).build()) {
      lync.start();
      DnsClient dns =
          new DnsClient(lync.endpoints().get(EmbeddedDnsServer.LISTENER), Duration.ofSeconds(2));
      assertThat(lync.endpointTable().get("dns").url()).startsWith("dns://127.0.0.1:");
      assertThat(dns.query(XMPP_SRV, DnsRecordType.SRV).services())
          .extracting(SrvTarget::host)
          .containsExactly("sip.litwareinc.com");
      assertThat(
              PowerShellFormatter.format(
                  lync.invoke(
                          "Get-DnsServerResourceRecord -ZoneName litwareinc.com"
                              + " -Name _xmpp-server._tcp -RRType Srv")
                      .objects()))
          .contains("HostName                  RecordType Type       Timestamp ")
          .contains(
              "_xmpp-server._tcp         SRV        33         0                    01:00:00"
                  + "        [0][0][5269][sip.litwareinc.com.]");

      lync.cmdlets()
          .invoke(
              "Remove-DnsServerResourceRecord",
              io.lyncemu.core.management.CmdletArguments.parse(
                  java.util.List.of(
                      "-ZoneName",
                      "litwareinc.com",
                      "-Name",
                      "_xmpp-server._tcp",
                      "-RRType",
                      "Srv",
                      "-Force")));

      DnsReply after = dns.query(XMPP_SRV, DnsRecordType.SRV);
      assertThat(after.code()).isEqualTo("NXDOMAIN");
      assertThat(after.services()).isEmpty();
      assertThatThrownBy(
              () ->
                  lync.invoke(
                      "Get-DnsServerResourceRecord -ZoneName litwareinc.com -Name"
                          + " _xmpp-server._tcp"))
          .isInstanceOf(CmdletException.class)
          .hasMessageContaining("Failed to get _xmpp-server._tcp record in litwareinc.com zone");
      assertThatThrownBy(() -> lync.invoke("Get-DnsServerResourceRecord -ZoneName nowhere.example"))
          .hasMessage("Failed to find zone nowhere.example on server LITWAREINC-DC01.");
    }
  }

  @Test
  void aBadDnsUpstreamIsRefusedAtBuild() {
    assertThatThrownBy(() -> LyncEmulator.builder().dnsUpstream("nowhere"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("HOST:PORT");
  }
}
