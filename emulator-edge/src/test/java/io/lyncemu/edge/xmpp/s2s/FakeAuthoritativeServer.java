package io.lyncemu.edge.xmpp.s2s;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * fabrikam.com's authoritative server as far as dialback goes: answers each {@code db:verify} valid
 * when the key is the one it "generated", invalid otherwise.
 */
final class FakeAuthoritativeServer implements AutoCloseable {
  private static final Pattern VERIFY =
      Pattern.compile(
          "<db:verify[^>]*from='([^']*)'[^>]*to='([^']*)'[^>]*id='([^']*)'[^>]*>([^<]*)</db:verify>");

  private final ServerSocket server;
  private final String goodKey;
  final AtomicInteger verifications = new AtomicInteger();

  FakeAuthoritativeServer(String goodKey) throws IOException {
    this.goodKey = goodKey;
    server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    Thread t = new Thread(this::serve, "fake-fabrikam");
    t.setDaemon(true);
    t.start();
  }

  int port() {
    return server.getLocalPort();
  }

  private void serve() {
    while (!server.isClosed()) {
      try (Socket s = server.accept();
          RawXmppPeer edge = new RawXmppPeer(s)) {
        edge.await("version='1.0'>");
        edge.send(
            String.format(RawXmppPeer.HEADER, "fabrikam.com", "litwareinc.com")
                    .replace("' version='1.0'>", "' id='auth1' version='1.0'>")
                + "<stream:features><dialback xmlns='urn:xmpp:features:dialback'/></stream:features>");
        String all = edge.await("</db:verify>");
        Matcher m = VERIFY.matcher(all);
        if (!m.find()) {
          continue;
        }
        verifications.incrementAndGet();
        String type = m.group(4).equals(goodKey) ? "valid" : "invalid";
        edge.send(
            "<db:verify from='"
                + m.group(2)
                + "' to='"
                + m.group(1)
                + "' id='"
                + m.group(3)
                + "' type='"
                + type
                + "'/>");
        edge.awaitClose();
      } catch (IOException | AssertionError e) {
        // the next connection gets a fresh start
      }
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
