package io.lyncemu.core.cmdlets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lyncemu.core.journal.InMemoryEventJournal;
import io.lyncemu.core.management.CmdletException;
import io.lyncemu.core.management.CmdletOutput;
import io.lyncemu.core.management.CmdletRegistry;
import io.lyncemu.core.management.CommandLine;
import io.lyncemu.core.management.PowerShellFormatter;
import io.lyncemu.core.services.WindowsServices;
import io.lyncemu.core.time.EmulatorClock;
import io.lyncemu.core.topology.Deployment;
import io.lyncemu.core.topology.TopologyLoader;
import io.lyncemu.core.topology.WindowsAuth;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CoreCmdletsTest {
  private final EmulatorClock clock = EmulatorClock.fixed(Instant.parse("2026-11-23T10:00:00Z"));
  private final InMemoryEventJournal journal = new InMemoryEventJournal(clock);
  private final Deployment deployment =
      new Deployment(new TopologyLoader().builtIn("litwareinc"), journal);
  private final CmdletRegistry registry =
      new CmdletRegistry(journal)
          .registerAll(new UserCmdlets(deployment).all())
          .registerAll(new MobilityPolicyCmdlets(deployment).all())
          .registerAll(new ConfigurationCmdlets(deployment).all())
          .registerAll(new ServiceCmdlets(deployment, new WindowsServices(journal)).all())
          .registerAll(new ClockCmdlets(clock, journal).all());

  private CmdletOutput run(String line) {
    CommandLine command = CommandLine.parse(line);
    return registry.invoke(command.cmdlet(), command.arguments());
  }

  @Test
  void getCsUserShowsEnabledAndTheGrantedMobilityPolicy() {
    String text =
        PowerShellFormatter.formatList(
            run("Get-CsUser -Identity sip:kenmyer@litwareinc.com").objects());

    assertThat(text)
        .contains("Enabled                 : True")
        .contains("MobilityPolicy          : RedmondMobilityPolicy")
        .contains("SipAddress              : sip:kenmyer@litwareinc.com");
  }

  @Test
  void setCsUserDisablesAtOnce() {
    run("Set-CsUser -Identity \"litwareinc\\kenmyer\" -Enabled $False");

    assertThat(
            deployment.current().findUser("sip:kenmyer@litwareinc.com").orElseThrow().isEnabled())
        .isFalse();
  }

  @Test
  void unknownUserGivesTheManagementObjectNotFoundError() {
    assertThatThrownBy(() -> run("Get-CsUser -Identity sip:nobody@litwareinc.com"))
        .isInstanceOf(CmdletException.class)
        .hasMessage("Management object not found for identity \"sip:nobody@litwareinc.com\".");
  }

  @Test
  void mobilityPolicyCanBeCreatedChangedAndGranted() {
    run("New-CsMobilityPolicy -Identity NoMobility -EnableMobility $False");
    run("Grant-CsMobilityPolicy -Identity sip:packerman@litwareinc.com -PolicyName NoMobility");

    var pilar = deployment.current().findUser("sip:packerman@litwareinc.com").orElseThrow();
    assertThat(deployment.current().effectiveMobilityPolicy(pilar).enableMobility()).isFalse();
    run("Set-CsMobilityPolicy -Identity Tag:NoMobility -EnableMobility $True");
    assertThat(deployment.current().effectiveMobilityPolicy(pilar).enableMobility()).isTrue();
    run("Grant-CsMobilityPolicy -Identity sip:packerman@litwareinc.com -PolicyName $null");
    assertThat(
            deployment
                .current()
                .effectiveMobilityPolicy(
                    deployment.current().findUser("sip:packerman@litwareinc.com").orElseThrow())
                .identity())
        .isEqualTo("Global");
  }

  @Test
  void webServiceAndMcxConfigurationChangeAndValidate() {
    run("Set-CsWebServiceConfiguration -UseWindowsAuth NTLM");
    run("Set-CsMcxConfiguration -SessionExpirationInterval 7200");

    assertThat(deployment.current().webService().useWindowsAuth()).isEqualTo(WindowsAuth.NTLM);
    assertThat(deployment.current().mcx().sessionExpirationInterval()).isEqualTo(7200L);
    assertThatThrownBy(() -> run("Set-CsMcxConfiguration -SessionExpirationInterval 5"))
        .hasMessageContaining("between 120");
    assertThatThrownBy(() -> run("Set-CsWebServiceConfiguration -UseWindowsAuth Kerberos"))
        .hasMessageContaining("Negotiate, NTLM or None");
  }

  @Test
  void clockAdvancesOnlyForward() {
    run("Set-CsEmulatorClock -Advance 61m");

    assertThat(clock.offset()).isEqualTo(Duration.ofMinutes(61));
    assertThatThrownBy(() -> run("Set-CsEmulatorClock -Advance 0s"))
        .isInstanceOf(CmdletException.class);
  }

  @Test
  void unknownCmdletIsNotRecognised() {
    assertThatThrownBy(() -> run("Get-CsNothing")).hasMessageContaining("is not recognized");
  }

  @Test
  void passwordsNeverReachTheJournal() {
    run("Set-ADAccountPassword -Identity litwareinc\\kenmyer -NewPassword 'S3cret!x' -Reset");

    assertThat(
            journal.query(
                io.lyncemu.core.journal.JournalQuery.kind(
                    io.lyncemu.core.journal.EventKind.CMDLET_INVOKED)))
        .extracting(e -> e.attribute("arguments"))
        .allSatisfy(text -> assertThat(text).doesNotContain("S3cret").contains("********"));
  }
}
