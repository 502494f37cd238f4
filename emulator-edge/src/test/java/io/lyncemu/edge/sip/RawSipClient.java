package io.lyncemu.edge.sip;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.net.ssl.SSLContext;

/** A test's SIP client over one TCP or TLS connection: writes raw text, reads one response. */
final class RawSipClient implements AutoCloseable {
  /** One parsed response. */
  record Reply(int status, String reason, Map<String, String> headers, String body) {
    Optional<String> header(String name) {
      return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }
  }

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final String transport;

  private RawSipClient(Socket socket, String transport) throws IOException {
    this.socket = socket;
    socket.setSoTimeout(20_000);
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
    this.transport = transport;
  }

  static RawSipClient tcp(int port) throws IOException {
    Socket s = new Socket();
    s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
    return new RawSipClient(s, "TCP");
  }

  static RawSipClient tls(SSLContext trust, int port) throws IOException {
    Socket s = trust.getSocketFactory().createSocket("127.0.0.1", port);
    return new RawSipClient(s, "TLS");
  }

  int localPort() {
    return socket.getLocalPort();
  }

  /** A well-formed request; {@code body} may be empty. */
  String request(String method, String requestUri, String from, String to, String body) {
    String callId = UUID.randomUUID().toString();
    StringBuilder text =
        new StringBuilder()
            .append(method)
            .append(' ')
            .append(requestUri)
            .append(" SIP/2.0\r\n")
            .append("Via: SIP/2.0/")
            .append(transport)
            .append(" 127.0.0.1:")
            .append(localPort())
            .append(";branch=z9hG4bK")
            .append(callId, 0, 8)
            .append("\r\n")
            .append("Max-Forwards: 70\r\n")
            .append("From: <")
            .append(from)
            .append(">;tag=t")
            .append(callId, 0, 6)
            .append("\r\n")
            .append("To: <")
            .append(to)
            .append(">\r\n")
            .append("Call-ID: ")
            .append(callId)
            .append("\r\n")
            .append("CSeq: 1 ")
            .append(method)
            .append("\r\n");
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > 0) {
      text.append("Content-Type: text/plain\r\n");
    }
    text.append("Content-Length: ").append(bytes.length).append("\r\n\r\n").append(body);
    return text.toString();
  }

  Reply send(String raw) throws IOException {
    write(raw);
    return read();
  }

  void write(String raw) throws IOException {
    out.write(raw.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** The next final response (provisional ones are skipped). */
  Reply read() throws IOException {
    while (true) {
      Reply reply = readOne();
      if (reply.status() >= 200) {
        return reply;
      }
    }
  }

  /** True when the server closed the connection (EOF or reset) within the read timeout. */
  boolean closedByServer() {
    try {
      socket.setSoTimeout(15_000);
      while (true) {
        if (in.read() < 0) {
          return true;
        }
      }
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  private Reply readOne() throws IOException {
    String statusLine = line();
    while (statusLine.isEmpty()) {
      statusLine = line();
    }
    String[] parts = statusLine.split(" ", 3);
    Map<String, String> headers = new LinkedHashMap<>();
    for (String l = line(); !l.isEmpty(); l = line()) {
      int colon = l.indexOf(':');
      headers.merge(
          l.substring(0, colon).trim().toLowerCase(Locale.ROOT),
          l.substring(colon + 1).trim(),
          (a, b) -> a + ", " + b);
    }
    int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
    byte[] body = in.readNBytes(length);
    return new Reply(
        Integer.parseInt(parts[1]),
        parts.length > 2 ? parts[2] : "",
        headers,
        new String(body, StandardCharsets.UTF_8));
  }

  private String line() throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != '\n') {
      if (b < 0) {
        throw new IOException("connection closed");
      }
      if (b != '\r') {
        buffer.write(b);
      }
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
