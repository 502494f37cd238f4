/**
 * The composition root: builds the core objects once, installs every {@link
 * io.lyncemu.app.assembly.EmulatorModule} and collects the services to start. The only place that
 * wires collaborators together; no protocol logic lives here.
 */
package io.lyncemu.app.assembly;
