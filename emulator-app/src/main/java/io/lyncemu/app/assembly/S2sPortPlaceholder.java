package io.lyncemu.app.assembly;

import io.lyncemu.core.dns.EmulatedPorts;
import io.lyncemu.core.lifecycle.PortBindException;
import io.lyncemu.core.lifecycle.Service;
import io.lyncemu.core.net.ConnectionTable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Holds port 5269 for RTCXMPPTGWPX until the s2s server (branch xmpps2s) is built in: it binds,
 * shows in netstat and DNS, and answers every partner with the stream error {@code
 * remote-connection-failed} so a partner sees a clear XMPP-level refusal. Replaced in {@link
 * XmppModule#s2sServer}.
 */
final class S2sPortPlaceholder implements Service {
  private static final String REFUSAL =
      "<?xml version='1.0'?><stream:stream xmlns='jabber:server'"
          + " xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>"
          + "<stream:error><remote-connection-failed"
          + " xmlns='urn:ietf:params:xml:ns:xmpp-streams'/></stream:error></stream:stream>";

  private final String bindHost;
  private int port;
  private final String accessEdgeFqdn;
  private final ConnectionTable connections;
  private final EmulatedPorts emulatedPorts;
  private ServerSocket server;
  private Thread acceptor;
  private AutoCloseable listing;
  private AutoCloseable mapping;

  S2sPortPlaceholder(
      String bindHost,
      int port,
      String accessEdgeFqdn,
      ConnectionTable connections,
      EmulatedPorts emulatedPorts) {
    this.bindHost = bindHost;
    this.port = port;
    this.accessEdgeFqdn = accessEdgeFqdn;
    this.connections = connections;
    this.emulatedPorts = emulatedPorts;
  }

  @Override
  public String name() {
    return XmppModule.S2S.name();
  }

  @Override
  public synchronized void start() {
    if (server != null) {
      return;
    }
    InetSocketAddress address = new InetSocketAddress(bindHost, port);
    try {
      server = new ServerSocket();
      server.setReuseAddress(true);
      server.bind(address);
    } catch (IOException e) {
      closeQuietly(server);
      server = null;
      throw new PortBindException(XmppModule.S2S.name(), address, e);
    }
    InetSocketAddress bound = (InetSocketAddress) server.getLocalSocketAddress();
    port = bound.getPort(); // a restart binds the same port, even when the first was ephemeral
    listing = connections.listening("RTCXMPPTGWPX", bound);
    mapping = emulatedPorts.register(accessEdgeFqdn, 5269, bound.getPort());
    ServerSocket accepting = server;
    acceptor = new Thread(() -> refuseAll(accepting), "xmpp-s2s-placeholder");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  private static void refuseAll(ServerSocket accepting) {
    while (!accepting.isClosed()) {
      try (Socket partner = accepting.accept()) {
        partner.setSoTimeout(1000);
        OutputStream out = partner.getOutputStream();
        out.write(REFUSAL.getBytes(StandardCharsets.UTF_8));
        out.flush();
      } catch (IOException closedOrGone) {
        // closed by stop(), or the partner left: either way nothing more to say
      }
    }
  }

  @Override
  public synchronized void stop() {
    if (server == null) {
      return;
    }
    closeQuietly(mapping);
    closeQuietly(listing);
    closeQuietly(server);
    server = null;
    awaitAcceptorExit();
  }

  /**
   * Closing a ServerSocket while a thread blocks in accept() only swaps the descriptor: the kernel
   * keeps the socket listening (and completing handshakes) until that thread leaves accept(). A
   * client connecting right after Stop-CsWindowsService was therefore accepted now and then; the
   * port is really closed only once the acceptor has gone.
   */
  private void awaitAcceptorExit() {
    try {
      acceptor.join(EmulatorAssembly.STOP_TIMEOUT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    acceptor = null;
  }

  @Override
  public synchronized boolean isRunning() {
    return server != null && !server.isClosed();
  }

  @Override
  public synchronized Map<String, InetSocketAddress> endpoints() {
    return server == null
        ? Map.of()
        : Map.of(XmppModule.S2S.name(), (InetSocketAddress) server.getLocalSocketAddress());
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      if (c != null) {
        c.close();
      }
    } catch (Exception ignored) {
      // best effort on shutdown
    }
  }
}
