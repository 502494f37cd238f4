package io.lyncemu.edge.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lyncemu.core.management.Cmdlet;
import io.lyncemu.core.management.CmdletArguments;
import io.lyncemu.core.management.CmdletException;
import io.lyncemu.core.management.CmdletOutput;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Set-/Get-CsEmulatorPartnerTransport drive the Access Edge's {@link PartnerTransports}. */
class PartnerTransportCmdletsTest {
  private final PartnerTransports transports = new PartnerTransports();
  private final List<Cmdlet> cmdlets = new PartnerTransportCmdlets(transports).all();

  private CmdletOutput run(String name, String... tokens) {
    return cmdlets.stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow()
        .invoke(CmdletArguments.parse(List.of(tokens)));
  }

  @Test
  void tcpThenTlsAgain() {
    CmdletOutput set =
        run("Set-CsEmulatorPartnerTransport", "-Fqdn", "SIP.contoso.com", "-Transport", "Tcp");

    assertThat(set.objects().get(0).get("Fqdn")).isEqualTo("sip.contoso.com");
    assertThat(set.objects().get(0).get("Transport")).isEqualTo("Tcp");
    assertThat(transports.transportFor("sip.contoso.com")).isEqualTo("tcp");
    assertThat(run("Get-CsEmulatorPartnerTransport").objects()).hasSize(1);

    run("Set-CsEmulatorPartnerTransport", "-Fqdn", "sip.contoso.com", "-Transport", "tls");

    assertThat(transports.transportFor("sip.contoso.com")).isEqualTo("tls");
    assertThat(run("Get-CsEmulatorPartnerTransport").objects()).isEmpty();
    assertThat(
            run("Get-CsEmulatorPartnerTransport", "-Fqdn", "sip.contoso.com")
                .objects()
                .get(0)
                .get("Transport"))
        .isEqualTo("Tls");
  }

  @Test
  void unknownTransportIsRefused() {
    assertThatThrownBy(
            () ->
                run(
                    "Set-CsEmulatorPartnerTransport",
                    "-Fqdn",
                    "sip.contoso.com",
                    "-Transport",
                    "Udp"))
        .isInstanceOf(CmdletException.class)
        .hasMessageContaining("Tls,Tcp");
    assertThat(transports.tcpHosts()).isEmpty();
  }
}
