package io.lyncemu.core.cmdlets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lyncemu.core.journal.EventKind;
import io.lyncemu.core.journal.InMemoryEventJournal;
import io.lyncemu.core.journal.JournalQuery;
import io.lyncemu.core.management.CmdletException;
import io.lyncemu.core.management.CmdletOutput;
import io.lyncemu.core.management.CmdletRegistry;
import io.lyncemu.core.management.PowerShellFormatter;
import io.lyncemu.core.management.PsObject;
import io.lyncemu.core.tls.EdgeIdentities;
import io.lyncemu.core.tls.LocalCertificateAuthority;
import io.lyncemu.core.topology.Deployment;
import io.lyncemu.core.topology.TopologyLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Request-/Set-/Get-CsCertificate against a real local CA. */
class CertificateCmdletsTest {
  @TempDir Path stateDir;
  private final InMemoryEventJournal journal = new InMemoryEventJournal(Clock.systemUTC());
  private final Deployment deployment =
      new Deployment(new TopologyLoader().builtIn("litwareinc"), journal);
  private LocalCertificateAuthority ca;
  private CmdletRegistry registry;

  @BeforeEach
  void setUp() {
    ca = LocalCertificateAuthority.openOrCreate(stateDir, Clock.systemUTC());
    registry =
        new CmdletRegistry(journal)
            .registerAll(new CertificateCmdlets(deployment, ca, journal).all());
  }

  private CmdletOutput run(String line) {
    return registry.run(line);
  }

  @Test
  void requestIssuesAndAssignsTheExternalCertificateWithTheGivenNames() {
    CmdletOutput output =
        run(
            "Request-CsCertificate -New -Type AccessEdgeExternal"
                + " -DomainName \"sip.litwareinc.com,litwareinc.com\"");

    PsObject certificate = output.objects().get(0);
    assertThat(certificate.get("AlternativeNames"))
        .isEqualTo(List.of("sip.litwareinc.com", "litwareinc.com"));
    assertThat(certificate.get("Subject")).isEqualTo("CN=sip.litwareinc.com");
    assertThat(certificate.get("Issuer").toString()).contains("Lync Emulator Local CA");
    assertThat(certificate.get("Use")).isEqualTo("AccessEdgeExternal");
    assertThat(deployment.current().edge().externalCertificateNames())
        .containsExactly("sip.litwareinc.com", "litwareinc.com");
    assertThat(journal.query(JournalQuery.kind(EventKind.CERTIFICATE_ASSIGNED)))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.attribute("use")).isEqualTo("AccessEdgeExternal");
              assertThat(e.attribute("thumbprint")).isEqualTo(certificate.get("Thumbprint"));
              assertThat(e.attribute("names")).isEqualTo("sip.litwareinc.com,litwareinc.com");
            });
  }

  @Test
  void whatTheListenersLoadIsTheCertificateJustAssigned() {
    CmdletOutput output =
        run("Request-CsCertificate -New -Type AccessEdgeExternal -DomainName xmpp.litwareinc.com");

    assertThat(
            CertificateCmdlets.thumbprintOf(
                EdgeIdentities.external(ca, deployment.current()).certificate()))
        .isEqualTo(output.objects().get(0).get("Thumbprint"));
  }

  @Test
  void aChangedNameListIssuesANewCertificateEveryTime() {
    String first = thumbprint(run("Request-CsCertificate -New -Type AccessEdgeExternal"));
    String second =
        thumbprint(
            run("Request-CsCertificate -New -Type AccessEdgeExternal -DomainName litwareinc.com"));
    String third =
        thumbprint(
            run(
                "Request-CsCertificate -New -Type AccessEdgeExternal"
                    + " -DomainName litwareinc.com,xmpp.litwareinc.com"));
    String back = thumbprint(run("Request-CsCertificate -New -Type AccessEdgeExternal"));

    assertThat(List.of(first, second, third)).doesNotHaveDuplicates();
    assertThat(back).isNotEqualTo(first).isNotEqualTo(second).isNotEqualTo(third);
    assertThat(deployment.current().edge().externalCertificateNames())
        .containsExactly("sip.litwareinc.com");
  }

  @Test
  void allSipDomainAddsTheSipNameOfTheSipDomain() {
    CmdletOutput output =
        run(
            "Request-CsCertificate -New -Type AccessEdgeExternal -DomainName"
                + " xmpp.litwareinc.com -AllSipDomain");

    assertThat(output.objects().get(0).get("AlternativeNames"))
        .isEqualTo(List.of("sip.litwareinc.com", "xmpp.litwareinc.com"));
  }

  @Test
  void getListsEveryUseWithLyncsProperties() {
    run(
        "Request-CsCertificate -New -Type AccessEdgeExternal"
            + " -DomainName \"sip.litwareinc.com,litwareinc.com\"");

    CmdletOutput output = run("Get-CsCertificate");

    assertThat(output.objects())
        .extracting(o -> o.get("Use"))
        .containsExactly("AccessEdgeExternal", "XmppServer", "Internal");
    assertThat(output.objects().get(0).get("Thumbprint"))
        .isEqualTo(output.objects().get(1).get("Thumbprint"))
        .isNotEqualTo(output.objects().get(2).get("Thumbprint"));
    String text = PowerShellFormatter.formatList(output.objects().get(0));
    assertThat(text.lines().map(l -> l.substring(0, l.indexOf(':')).trim()))
        .containsExactly(
            "Issuer",
            "NotAfter",
            "NotBefore",
            "SerialNumber",
            "Subject",
            "AlternativeNames",
            "Thumbprint",
            "Use");
    assertThat(text)
        .contains("AlternativeNames : {sip.litwareinc.com, litwareinc.com}")
        .containsPattern("NotAfter +: \\d{1,2}/\\d{1,2}/\\d{4} \\d{1,2}:\\d{2}:\\d{2} (AM|PM)")
        .containsPattern("Thumbprint +: [0-9A-F]{40}");
  }

  @Test
  void getFiltersByType() {
    assertThat(run("Get-CsCertificate -Type Internal").objects())
        .singleElement()
        .satisfies(
            o ->
                assertThat(o.get("AlternativeNames"))
                    .isEqualTo(List.of("atl-edge-001.litwareinc.com", "localhost")));
  }

  @Test
  void setAcceptsTheThumbprintOfTheIssuedCertificate() {
    String thumbprint = thumbprint(run("Request-CsCertificate -New -Type AccessEdgeExternal"));
    journal.clear();

    CmdletOutput output =
        run("Set-CsCertificate -Type AccessEdgeExternal,XmppServer -Thumbprint " + thumbprint);

    assertThat(output.objects())
        .extracting(o -> o.get("Use"))
        .containsExactly("AccessEdgeExternal", "XmppServer");
    assertThat(journal.query(JournalQuery.kind(EventKind.CERTIFICATE_ASSIGNED))).hasSize(2);
  }

  @Test
  void setRefusesAThumbprintTheEmulatorDoesNotHold() {
    assertThatThrownBy(
            () ->
                run(
                    "Set-CsCertificate -Type AccessEdgeExternal -Thumbprint"
                        + " 0123456789ABCDEF0123456789ABCDEF01234567"))
        .isInstanceOf(CmdletException.class)
        .hasMessageContaining("Cannot find a certificate with thumbprint")
        .hasMessageContaining("Request-CsCertificate -New -Type AccessEdgeExternal");
  }

  @Test
  void unknownTypesAndTheInternalCertificateAreRefused() {
    assertThatThrownBy(() -> run("Request-CsCertificate -New -Type WebServicesExternal"))
        .isInstanceOf(CmdletException.class)
        .hasMessageContaining("AccessEdgeExternal, XmppServer, Internal");
    assertThatThrownBy(() -> run("Request-CsCertificate -New -Type Internal"))
        .isInstanceOf(CmdletException.class);
    assertThatThrownBy(() -> run("Request-CsCertificate -Type AccessEdgeExternal"))
        .isInstanceOf(CmdletException.class)
        .hasMessageContaining("-New");
  }

  private static String thumbprint(CmdletOutput output) {
    return output.objects().get(0).get("Thumbprint").toString();
  }
}
