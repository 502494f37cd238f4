package io.lyncemu.edge.sip;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import javax.net.ssl.SSLContext;

/**
 * A test's stand-in for a partner's edge: accepts TCP (or TLS) connections, records each request's
 * text and answers every request with one fixed status.
 */
final class TinySipUas implements AutoCloseable {
  private final ServerSocket server;
  private final int status;
  private final String reason;
  private final List<Socket> accepted = new ArrayList<>();
  final BlockingQueue<String> requests = new LinkedBlockingQueue<>();

  private TinySipUas(ServerSocket server, int status, String reason) {
    this.server = server;
    this.status = status;
    this.reason = reason;
    Thread thread = new Thread(this::acceptLoop, "tiny-sip-uas");
    thread.setDaemon(true);
    thread.start();
  }

  static TinySipUas tcp(int status, String reason) throws IOException {
    return new TinySipUas(
        new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), status, reason);
  }

  static TinySipUas tls(SSLContext server, int status, String reason) throws IOException {
    return new TinySipUas(
        server.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress()),
        status,
        reason);
  }

  int port() {
    return server.getLocalPort();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        synchronized (accepted) {
          accepted.add(socket);
        }
        Thread t = new Thread(() -> serve(socket), "tiny-sip-uas-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      while (true) {
        List<String> head = new ArrayList<>();
        for (String l = line(in); !l.isEmpty(); l = line(in)) {
          head.add(l);
        }
        int length = 0;
        StringBuilder copy = new StringBuilder();
        for (String h : head) {
          String lower = h.toLowerCase(Locale.ROOT);
          if (lower.startsWith("content-length:")) {
            length = Integer.parseInt(h.substring(15).trim());
          }
          if (lower.startsWith("via:")
              || lower.startsWith("from:")
              || lower.startsWith("to:")
              || lower.startsWith("call-id:")
              || lower.startsWith("cseq:")) {
            copy.append(h).append("\r\n");
          }
        }
        String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        requests.add(String.join("\r\n", head) + "\r\n\r\n" + body);
        if (head.get(0).startsWith("ACK ")) {
          continue;
        }
        String response =
            "SIP/2.0 " + status + " " + reason + "\r\n" + copy + "Content-Length: 0\r\n\r\n";
        out.write(response.getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
    } catch (IOException | RuntimeException e) {
      // The Edge closed the connection.
    }
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != '\n') {
      if (b < 0) {
        throw new IOException("closed");
      }
      if (b != '\r') {
        buffer.write(b);
      }
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws IOException {
    server.close();
    synchronized (accepted) {
      for (Socket s : accepted) {
        s.close();
      }
    }
  }
}
