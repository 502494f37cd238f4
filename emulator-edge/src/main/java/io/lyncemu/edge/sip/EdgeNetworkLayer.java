package io.lyncemu.edge.sip;

import gov.nist.core.net.NetworkLayer;
import gov.nist.javax.sip.SipStackImpl;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * JAIN-SIP's socket factory for one Access Edge stack: TLS sockets from the contexts registered in
 * {@link StackTls} under the stack's name, plain sockets otherwise. Public with a no-argument
 * constructor because JAIN-SIP creates it by reflection ({@code gov.nist.javax.sip.NETWORK_LAYER}).
 * Outbound connects are bounded so that a silent partner cannot hold a stack thread for long.
 */
public final class EdgeNetworkLayer implements NetworkLayer {
  static final int CONNECT_TIMEOUT_MILLIS = 5_000;

  private volatile StackTls.Contexts tls;

  @Override
  public void setSipStack(SipStackImpl stack) {
    tls =
        StackTls.of(stack.getStackName())
            .orElseThrow(
                () ->
                    new IllegalStateException("no TLS contexts for stack " + stack.getStackName()));
  }

  @Override
  public ServerSocket createServerSocket(int port, int backlog, InetAddress bindAddress)
      throws IOException {
    return new ServerSocket(port, backlog, bindAddress);
  }

  @Override
  public SSLServerSocket createSSLServerSocket(int port, int backlog, InetAddress bindAddress)
      throws IOException {
    return (SSLServerSocket)
        tls.server().getServerSocketFactory().createServerSocket(port, backlog, bindAddress);
  }

  @Override
  public Socket createSocket(InetAddress address, int port) throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress(address, port), CONNECT_TIMEOUT_MILLIS);
    return socket;
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress)
      throws IOException {
    Socket socket = new Socket();
    if (localAddress != null) {
      socket.bind(new InetSocketAddress(localAddress, 0));
    }
    socket.connect(new InetSocketAddress(address, port), CONNECT_TIMEOUT_MILLIS);
    return socket;
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    Socket socket = new Socket();
    if (localAddress != null) {
      socket.bind(new InetSocketAddress(localAddress, localPort));
    }
    socket.connect(new InetSocketAddress(address, port), CONNECT_TIMEOUT_MILLIS);
    return socket;
  }

  @Override
  public SSLSocket createSSLSocket(InetAddress address, int port) throws IOException {
    return createSSLSocket(address, port, null);
  }

  @Override
  public SSLSocket createSSLSocket(InetAddress address, int port, InetAddress localAddress)
      throws IOException {
    Socket plain = createSocket(address, port, localAddress);
    return (SSLSocket)
        tls.client().getSocketFactory().createSocket(plain, address.getHostAddress(), port, true);
  }

  @Override
  public DatagramSocket createDatagramSocket() throws SocketException {
    throw new SocketException("the Access Edge does not use UDP");
  }

  @Override
  public DatagramSocket createDatagramSocket(int port, InetAddress localAddress)
      throws SocketException {
    throw new SocketException("the Access Edge does not use UDP");
  }
}
