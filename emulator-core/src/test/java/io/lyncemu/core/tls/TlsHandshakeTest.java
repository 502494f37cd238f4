package io.lyncemu.core.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real JSSE handshakes on loopback: the emulator's own client trusts exactly its own CA. */
class TlsHandshakeTest {
  private static final int TIMEOUT_MILLIS = 10_000;
  private static final String DISCOVER = "lyncdiscover.litwareinc.com";

  @TempDir Path stateDir;

  @Test
  void clientTrustingTheLocalCaVerifiesAHostNameFromTheSubjectAltNames() throws Exception {
    LocalCertificateAuthority ca =
        LocalCertificateAuthority.openOrCreate(stateDir, Clock.systemUTC());
    ServerIdentity web = webIdentity(ca);

    List<SNIServerName> sniSeenByServer =
        handshake(web.serverContext(), ca.clientContext(), DISCOVER);

    assertThat(sniSeenByServer).containsExactly(new SNIHostName(DISCOVER));
  }

  @Test
  void clientVerifiesAnIpAddressFromTheSubjectAltNames() throws Exception {
    LocalCertificateAuthority ca =
        LocalCertificateAuthority.openOrCreate(stateDir, Clock.systemUTC());

    handshake(webIdentity(ca).serverContext(), ca.clientContext(), "127.0.0.1");
  }

  @Test
  void clientRejectsAHostNameThatIsNotInTheSubjectAltNames() throws Exception {
    LocalCertificateAuthority ca =
        LocalCertificateAuthority.openOrCreate(stateDir, Clock.systemUTC());
    ServerIdentity web = webIdentity(ca);

    assertThatThrownBy(
            () -> handshake(web.serverContext(), ca.clientContext(), "evil.fabrikam.com"))
        .isInstanceOf(SSLHandshakeException.class)
        .hasMessageContaining("evil.fabrikam.com");
  }

  @Test
  void clientRejectsAServerCertifiedByAnotherEmulatorsCa() throws Exception {
    LocalCertificateAuthority ours =
        LocalCertificateAuthority.openOrCreate(stateDir.resolve("ours"), Clock.systemUTC());
    LocalCertificateAuthority theirs =
        LocalCertificateAuthority.openOrCreate(stateDir.resolve("theirs"), Clock.systemUTC());

    assertThatThrownBy(
            () -> handshake(webIdentity(theirs).serverContext(), ours.clientContext(), DISCOVER))
        .isInstanceOf(SSLHandshakeException.class)
        .hasMessageContaining("PKIX path");
  }

  private static ServerIdentity webIdentity(LocalCertificateAuthority ca) {
    return ca.serverIdentity(
        "web", List.of(DISCOVER, "lyncweb.litwareinc.com"), List.of("127.0.0.1", "::1"));
  }

  /**
   * Connects to a one-shot echo server on 127.0.0.1 as if {@code hostName} resolved there, with
   * HTTPS endpoint identification on, and returns the SNI names the server received. Client
   * failures propagate; the server's own failure in that case is expected and ignored.
   */
  private static List<SNIServerName> handshake(
      SSLContext serverContext, SSLContext clientContext, String hostName) throws Exception {
    ExecutorService serverThread = Executors.newSingleThreadExecutor();
    InetAddress loopback = InetAddress.getByName("127.0.0.1");
    try (SSLServerSocket server =
        (SSLServerSocket)
            serverContext.getServerSocketFactory().createServerSocket(0, 1, loopback)) {
      server.setSoTimeout(TIMEOUT_MILLIS);
      Future<List<SNIServerName>> serverSide =
          serverThread.submit(
              () -> {
                try (SSLSocket accepted = (SSLSocket) server.accept()) {
                  accepted.setSoTimeout(TIMEOUT_MILLIS);
                  accepted.startHandshake();
                  InputStream in = accepted.getInputStream();
                  OutputStream out = accepted.getOutputStream();
                  out.write(in.read() + 1);
                  out.flush();
                  return ((ExtendedSSLSession) accepted.getSession()).getRequestedServerNames();
                }
              });

      try (Socket plain = new Socket()) {
        plain.connect(new InetSocketAddress(loopback, server.getLocalPort()), TIMEOUT_MILLIS);
        plain.setSoTimeout(TIMEOUT_MILLIS);
        try (SSLSocket client =
            (SSLSocket)
                clientContext
                    .getSocketFactory()
                    .createSocket(plain, hostName, server.getLocalPort(), true)) {
          SSLParameters parameters = client.getSSLParameters();
          parameters.setEndpointIdentificationAlgorithm("HTTPS");
          if (!Character.isDigit(hostName.charAt(0))) {
            // SNI carries host names only, never IP literals (RFC 6066 section 3).
            parameters.setServerNames(List.of(new SNIHostName(hostName)));
          }
          client.setSSLParameters(parameters);
          client.startHandshake();
          client.getOutputStream().write(41);
          client.getOutputStream().flush();
          assertThat(client.getInputStream().read()).isEqualTo(42);
        }
      }
      return serverSide.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    } finally {
      serverThread.shutdownNow();
      serverThread.awaitTermination(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    }
  }
}
