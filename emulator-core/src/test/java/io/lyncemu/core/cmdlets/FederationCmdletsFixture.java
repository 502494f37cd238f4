package io.lyncemu.core.cmdlets;

import io.lyncemu.core.journal.InMemoryEventJournal;
import io.lyncemu.core.management.CmdletOutput;
import io.lyncemu.core.management.CmdletRegistry;
import io.lyncemu.core.management.PowerShellFormatter;
import io.lyncemu.core.time.EmulatorClock;
import io.lyncemu.core.topology.Deployment;
import io.lyncemu.core.topology.TopologyLoader;
import java.time.Instant;

/** A deployment of a built-in topology with the federation cmdlets registered, for the tests. */
final class FederationCmdletsFixture {
  final EmulatorClock clock = EmulatorClock.fixed(Instant.parse("2026-11-23T10:00:00Z"));
  final InMemoryEventJournal journal = new InMemoryEventJournal(clock);
  final Deployment deployment;
  final CmdletRegistry registry;

  FederationCmdletsFixture(String topology) {
    deployment = new Deployment(new TopologyLoader().builtIn(topology), journal);
    registry =
        new CmdletRegistry(journal)
            .registerAll(new UserCmdlets(deployment).all())
            .registerAll(new AccessEdgeConfigurationCmdlets(deployment).all())
            .registerAll(new AllowedDomainCmdlets(deployment).all())
            .registerAll(new HostingProviderCmdlets(deployment).all())
            .registerAll(new XmppPartnerCmdlets(deployment).all())
            .registerAll(new XmppGatewayConfigurationCmdlets(deployment).all())
            .registerAll(new ExternalAccessPolicyCmdlets(deployment).all())
            .registerAll(new FederationRouteCmdlets(deployment).all());
  }

  CmdletOutput run(String line) {
    return registry.run(line);
  }

  String text(String line) {
    return PowerShellFormatter.formatList(run(line).objects());
  }
}
