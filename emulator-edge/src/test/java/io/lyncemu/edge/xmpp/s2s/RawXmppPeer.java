package io.lyncemu.edge.xmpp.s2s;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A hand-written s2s partner: plain XML text over a socket, so tests control every byte (and can
 * send what no real server would).
 */
final class RawXmppPeer implements AutoCloseable {
  static final String HEADER =
      "<?xml version='1.0'?><stream:stream xmlns='jabber:server'"
          + " xmlns:stream='http://etherx.jabber.org/streams' xmlns:db='jabber:server:dialback'"
          + " from='%s' to='%s' version='1.0'>";

  private Socket socket;
  private InputStream in;
  private OutputStream out;
  private final StringBuilder received = new StringBuilder();

  RawXmppPeer(Socket socket) throws IOException {
    use(socket);
  }

  static RawXmppPeer connect(int port) throws IOException {
    Socket s = new Socket();
    s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
    return new RawXmppPeer(s);
  }

  private void use(Socket s) throws IOException {
    socket = s;
    socket.setSoTimeout(10_000);
    in = socket.getInputStream();
    out = socket.getOutputStream();
  }

  RawXmppPeer send(String xml) throws IOException {
    out.write(xml.getBytes(StandardCharsets.UTF_8));
    out.flush();
    return this;
  }

  RawXmppPeer header(String from, String to) throws IOException {
    return send(String.format(HEADER, from, to));
  }

  /** Reads until {@code needle} has arrived; returns everything received so far. */
  String await(String needle) throws IOException {
    byte[] buffer = new byte[8192];
    while (received.indexOf(needle) < 0) {
      int n;
      try {
        n = in.read(buffer);
      } catch (SocketTimeoutException e) {
        throw new AssertionError("no '" + needle + "' within 10 s; got: " + received, e);
      }
      if (n < 0) {
        throw new AssertionError("closed before '" + needle + "'; got: " + received);
      }
      received.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
    }
    return received.toString();
  }

  /** Reads until the Edge closes the connection; returns everything received. */
  String awaitClose() throws IOException {
    byte[] buffer = new byte[8192];
    while (true) {
      int n;
      try {
        n = in.read(buffer);
      } catch (SocketTimeoutException e) {
        throw new AssertionError("still open after 10 s; got: " + received, e);
      } catch (IOException reset) {
        return received.toString();
      }
      if (n < 0) {
        return received.toString();
      }
      received.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
    }
  }

  String received() {
    return received.toString();
  }

  /** The last stream id the Edge sent. */
  String streamId() {
    Matcher m = Pattern.compile("<stream:stream[^>]* id='([^']+)'").matcher(received);
    String id = null;
    while (m.find()) {
      id = m.group(1);
    }
    if (id == null) {
      throw new AssertionError("no stream id in " + received);
    }
    return id;
  }

  /** Wraps the socket in TLS (after {@code <proceed/>}) and forgets what was received. */
  void startTls(SSLContext context) throws IOException {
    SSLSocket tls =
        (SSLSocket)
            context.getSocketFactory().createSocket(socket, "sip.litwareinc.com", 5269, true);
    tls.setUseClientMode(true);
    tls.startHandshake();
    received.setLength(0);
    use(tls);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
