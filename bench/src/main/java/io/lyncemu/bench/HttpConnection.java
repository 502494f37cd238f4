package io.lyncemu.bench;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal HTTP/1.1 client on one kept-alive socket to 127.0.0.1. Written by hand so that the
 * emulator and WireMock are measured by exactly the same client code, and so that NTLM (which
 * authenticates the connection, not the request) keeps its socket. Reads every response whole:
 * status line, headers, then the body framed by Content-Length or chunked encoding. Not
 * thread-safe: one connection per load thread.
 */
final class HttpConnection implements AutoCloseable {
  /** Responses larger than this are a bug in the server under test, not something to buffer. */
  private static final int MAX_BODY = 8 * 1024 * 1024;

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final byte[] buffer = new byte[32 * 1024];
  private int position;
  private int limit;

  HttpConnection(int port, int timeoutMillis) throws IOException {
    socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.connect(new InetSocketAddress(Loopback.HOST, port), timeoutMillis);
    socket.setSoTimeout(timeoutMillis);
    in = socket.getInputStream();
    out = socket.getOutputStream();
  }

  /** One response: status, headers in wire order, whole body, and whether the server closes. */
  record Response(int status, List<String[]> headers, byte[] body, boolean closes) {
    /** Every value of header {@code name}, in wire order. */
    List<String> all(String name) {
      List<String> values = new ArrayList<>(2);
      for (String[] header : headers) {
        if (header[0].equalsIgnoreCase(name)) {
          values.add(header[1]);
        }
      }
      return values;
    }

    String first(String name) {
      List<String> values = all(name);
      return values.isEmpty() ? null : values.get(0);
    }
  }

  /** Builds request bytes once so the load loop measures the servers, not string concatenation. */
  static byte[] request(String method, String path, List<String[]> headers, byte[] body) {
    StringBuilder head = new StringBuilder(256);
    head.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
    head.append("Host: atl-cs-001.litwareinc.com\r\n");
    for (String[] header : headers) {
      head.append(header[0]).append(": ").append(header[1]).append("\r\n");
    }
    head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
    byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
    byte[] all = new byte[headBytes.length + body.length];
    System.arraycopy(headBytes, 0, all, 0, headBytes.length);
    System.arraycopy(body, 0, all, headBytes.length, body.length);
    return all;
  }

  Response exchange(byte[] request) throws IOException {
    out.write(request);
    out.flush();
    return read();
  }

  private Response read() throws IOException {
    String statusLine = line();
    if (!statusLine.startsWith("HTTP/1.")) {
      throw new IOException("not an HTTP response: " + statusLine);
    }
    int status = Integer.parseInt(statusLine.substring(9, 12));
    List<String[]> headers = new ArrayList<>(12);
    long length = -1;
    boolean chunked = false;
    boolean closes = statusLine.startsWith("HTTP/1.0");
    for (String header = line(); !header.isEmpty(); header = line()) {
      int colon = header.indexOf(':');
      if (colon <= 0) {
        throw new IOException("malformed header: " + header);
      }
      String name = header.substring(0, colon);
      String value = header.substring(colon + 1).trim();
      headers.add(new String[] {name, value});
      if (name.equalsIgnoreCase("Content-Length")) {
        length = Long.parseLong(value);
      } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
        chunked = value.toLowerCase(java.util.Locale.ROOT).contains("chunked");
      } else if (name.equalsIgnoreCase("Connection")) {
        closes = value.equalsIgnoreCase("close");
      }
    }
    byte[] body;
    if (chunked) {
      body = chunkedBody();
    } else if (length >= 0) {
      if (length > MAX_BODY) {
        throw new IOException("body too large: " + length);
      }
      body = bytes((int) length);
    } else if (status == 204 || status == 304 || status / 100 == 1) {
      body = new byte[0];
    } else {
      // Neither framing: the body runs to the end of the connection, which cannot be kept.
      body = untilClose();
      closes = true;
    }
    return new Response(status, headers, body, closes);
  }

  private byte[] chunkedBody() throws IOException {
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    while (true) {
      String sizeLine = line();
      int semicolon = sizeLine.indexOf(';');
      int size = Integer.parseInt(semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon), 16);
      if (size == 0) {
        for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
          // Trailers carry nothing the benchmark checks.
        }
        return body.toByteArray();
      }
      if (body.size() + size > MAX_BODY) {
        throw new IOException("chunked body too large");
      }
      body.writeBytes(bytes(size));
      line();
    }
  }

  private byte[] untilClose() throws IOException {
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    while (fill()) {
      body.write(buffer, position, limit - position);
      position = limit;
      if (body.size() > MAX_BODY) {
        throw new IOException("body too large");
      }
    }
    return body.toByteArray();
  }

  private byte[] bytes(int count) throws IOException {
    byte[] result = new byte[count];
    int copied = 0;
    while (copied < count) {
      if (position == limit && !fill()) {
        throw new EOFException("connection closed after " + copied + " of " + count + " bytes");
      }
      int chunk = Math.min(count - copied, limit - position);
      System.arraycopy(buffer, position, result, copied, chunk);
      position += chunk;
      copied += chunk;
    }
    return result;
  }

  private String line() throws IOException {
    StringBuilder line = null;
    while (true) {
      if (position == limit && !fill()) {
        throw new EOFException("connection closed mid-line");
      }
      int start = position;
      while (position < limit && buffer[position] != '\n') {
        position++;
      }
      int end = position;
      boolean complete = position < limit;
      if (complete) {
        position++; // the '\n'
      }
      String part = new String(buffer, start, end - start, StandardCharsets.ISO_8859_1);
      if (line == null && complete) {
        return stripCr(part);
      }
      if (line == null) {
        line = new StringBuilder(part);
      } else {
        line.append(part);
      }
      if (complete) {
        return stripCr(line.toString());
      }
      if (line.length() > 64 * 1024) {
        throw new IOException("header line too long");
      }
    }
  }

  private static String stripCr(String line) {
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }

  private boolean fill() throws IOException {
    position = 0;
    limit = 0;
    int read = in.read(buffer, 0, buffer.length);
    if (read <= 0) {
      return false;
    }
    limit = read;
    return true;
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // Closing a benchmark socket can only fail if it is already gone.
    }
  }
}
