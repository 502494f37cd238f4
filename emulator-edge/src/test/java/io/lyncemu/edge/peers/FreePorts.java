package io.lyncemu.edge.peers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loopback port helpers: peers get ports chosen here, never the well-known 5222/5269/5060. */
public final class FreePorts {
  private FreePorts() {}

  /**
   * A TCP port free on 127.0.0.1 right now. Another process could take it before the peer binds it;
   * the peer then fails to start with an "address in use" line in its log, which the harness
   * quotes.
   */
  public static int tcp() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether something accepts TCP connections on 127.0.0.1:port. */
  public static boolean accepting(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Whether a socket listens on 127.0.0.1:port (or the wildcard address), read from /proc/net/tcp.
   * Unlike {@link #accepting(int)} it opens no connection, so the peer does not log (or react to) a
   * client that connects and leaves; off Linux it falls back to connecting.
   */
  public static boolean listening(int port) {
    Path table = Path.of("/proc/net/tcp");
    if (!Files.isReadable(table)) {
      return accepting(port);
    }
    String suffix = String.format(":%04X", port);
    try {
      for (String line : Files.readAllLines(table)) {
        String[] fields = line.trim().split("\\s+");
        // fields: sl local_address rem_address st ...; st 0A is LISTEN
        if (fields.length > 3
            && fields[3].equals("0A")
            && fields[1].endsWith(suffix)
            && (fields[1].startsWith("0100007F") || fields[1].startsWith("00000000"))) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      return accepting(port);
    }
  }
}
