package io.lyncemu.edge.sip;

import io.lyncemu.core.dns.EmulatedPorts;
import io.lyncemu.core.dns.NameResolver;
import io.lyncemu.core.journal.EventJournal;
import io.lyncemu.core.net.ConnectionTable;
import io.lyncemu.core.routing.MessageRouter;
import io.lyncemu.core.topology.Deployment;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * The shared emulator objects the Access Edge works with.
 *
 * @param serverTls the Access Edge certificate (names: Access Edge FQDN, SIP domain, internal FQDN)
 * @param clientTls whom the Edge trusts when it dials a partner (the emulator's CA)
 */
public record AccessEdgeEnvironment(
    Deployment deployment,
    EventJournal journal,
    MessageRouter router,
    NameResolver resolver,
    EmulatedPorts emulatedPorts,
    ConnectionTable connections,
    SSLContext serverTls,
    SSLContext clientTls) {
  public AccessEdgeEnvironment {
    Objects.requireNonNull(deployment, "deployment");
    Objects.requireNonNull(journal, "journal");
    Objects.requireNonNull(router, "router");
    Objects.requireNonNull(resolver, "resolver");
    Objects.requireNonNull(emulatedPorts, "emulatedPorts");
    Objects.requireNonNull(connections, "connections");
    Objects.requireNonNull(serverTls, "serverTls");
    Objects.requireNonNull(clientTls, "clientTls");
  }
}
