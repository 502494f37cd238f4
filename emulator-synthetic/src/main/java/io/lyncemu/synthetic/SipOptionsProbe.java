package io.lyncemu.synthetic;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * A minimal SIP client for synthetic transactions: one OPTIONS over one TLS (or TCP) connection and
 * its final response. TLS checks the Edge's certificate against {@code expectedName}.
 */
final class SipOptionsProbe {
  /** A final response: status, reason phrase and the ms-diagnostics header (blank if none). */
  record Answer(int status, String reason, String msDiagnostics) {}

  private SipOptionsProbe() {}

  static Answer options(
      SSLContext trust,
      boolean tls,
      String expectedName,
      InetSocketAddress address,
      String from,
      String target,
      Duration timeout)
      throws IOException {
    int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    Socket plain = new Socket();
    plain.connect(address, millis);
    try (Socket socket = tls ? wrap(trust, plain, expectedName, address.getPort()) : plain) {
      socket.setSoTimeout(millis);
      String branch = "z9hG4bK" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
      String request =
          "OPTIONS "
              + target
              + " SIP/2.0\r\n"
              + "Via: SIP/2.0/"
              + (tls ? "TLS" : "TCP")
              + " "
              + socket.getLocalAddress().getHostAddress()
              + ":"
              + socket.getLocalPort()
              + ";branch="
              + branch
              + "\r\n"
              + "Max-Forwards: 70\r\n"
              + "From: <"
              + from
              + ">;tag="
              + branch.substring(7, 15)
              + "\r\n"
              + "To: <"
              + target
              + ">\r\n"
              + "Call-ID: "
              + UUID.randomUUID()
              + "\r\n"
              + "CSeq: 1 OPTIONS\r\n"
              + "User-Agent: Test-CsFederatedPartner (Lync Emulator)\r\n"
              + "Content-Length: 0\r\n\r\n";
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      while (true) {
        Answer answer = read(in);
        if (answer.status() >= 200) {
          return answer;
        }
      }
    }
  }

  private static Socket wrap(SSLContext trust, Socket plain, String name, int port)
      throws IOException {
    SSLSocket ssl = (SSLSocket) trust.getSocketFactory().createSocket(plain, name, port, true);
    SSLParameters parameters = ssl.getSSLParameters();
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    ssl.setSSLParameters(parameters);
    ssl.startHandshake();
    return ssl;
  }

  private static Answer read(InputStream in) throws IOException {
    String status = line(in);
    while (status.isEmpty()) {
      status = line(in);
    }
    String[] parts = status.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("SIP/2.0")) {
      throw new IOException("not a SIP response: " + status);
    }
    String diagnostics = "";
    int length = 0;
    for (String header = line(in); !header.isEmpty(); header = line(in)) {
      int colon = header.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = header.substring(colon + 1).trim();
      if (name.equals("ms-diagnostics") && diagnostics.isEmpty()) {
        diagnostics = value;
      } else if (name.equals("content-length") || name.equals("l")) {
        length = Integer.parseInt(value);
      }
    }
    in.readNBytes(length);
    return new Answer(Integer.parseInt(parts[1]), parts.length > 2 ? parts[2] : "", diagnostics);
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("the connection closed before a response");
      }
      if (b != '\r') {
        buffer.write(b);
      }
      if (buffer.size() > 16_384) {
        throw new IOException("response header line too long");
      }
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }
}
