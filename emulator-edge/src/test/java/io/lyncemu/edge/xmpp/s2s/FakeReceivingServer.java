package io.lyncemu.edge.xmpp.s2s;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * fabrikam.com receiving the Edge's outbound streams: it offers dialback, checks the Edge's key by
 * calling the Edge's 5269 back with {@code db:verify}, and records what arrives afterwards.
 */
final class FakeReceivingServer implements AutoCloseable {
  private static final Pattern RESULT = Pattern.compile("<db:result[^>]*>([^<]+)</db:result>");

  private final ServerSocket server;
  private final IntSupplier edgePort;
  final AtomicInteger connections = new AtomicInteger();
  final List<String> streams = new CopyOnWriteArrayList<>();
  private final List<RawXmppPeer> open = new CopyOnWriteArrayList<>();

  FakeReceivingServer(IntSupplier edgePort) throws IOException {
    this.edgePort = edgePort;
    server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    Thread t = new Thread(this::serve, "fake-fabrikam-receiving");
    t.setDaemon(true);
    t.start();
  }

  int port() {
    return server.getLocalPort();
  }

  /** Everything received on all streams so far. */
  String received() {
    StringBuilder all = new StringBuilder();
    open.forEach(p -> all.append(p.received()));
    return all.toString();
  }

  private void serve() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        connections.incrementAndGet();
        RawXmppPeer edge = new RawXmppPeer(s);
        open.add(edge);
        Thread t = new Thread(() -> handle(edge), "fake-fabrikam-stream");
        t.setDaemon(true);
        t.start();
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void handle(RawXmppPeer edge) {
    try {
      edge.await("version='1.0'>");
      edge.send(
          String.format(RawXmppPeer.HEADER, "fabrikam.com", "litwareinc.com")
                  .replace("' version='1.0'>", "' id='fab-1' version='1.0'>")
              + "<stream:features><dialback xmlns='urn:xmpp:features:dialback'/></stream:features>");
      Matcher m = RESULT.matcher(edge.await("</db:result>"));
      m.find();
      String verdict;
      try (RawXmppPeer verify = RawXmppPeer.connect(edgePort.getAsInt())) {
        verify.header("fabrikam.com", "litwareinc.com").await("</stream:features>");
        verify.send(
            "<db:verify from='fabrikam.com' to='litwareinc.com' id='fab-1'>"
                + m.group(1)
                + "</db:verify>");
        String answer = verify.await("id='fab-1' type='");
        verdict = answer.contains("type='valid'") ? "valid" : "invalid";
      }
      edge.send("<db:result from='fabrikam.com' to='litwareinc.com' type='" + verdict + "'/>");
      edge.awaitClose();
    } catch (IOException | AssertionError e) {
      // the test reads what arrived
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (RawXmppPeer p : open) {
      p.close();
    }
  }
}
