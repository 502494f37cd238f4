package io.lyncemu.app.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import io.lyncemu.core.dns.DnsRecord;
import io.lyncemu.core.dns.EmulatedPorts;
import io.lyncemu.core.dns.ZoneResolver;
import io.lyncemu.core.journal.InMemoryEventJournal;
import io.lyncemu.core.management.CmdletArguments;
import io.lyncemu.core.management.CmdletOutput;
import io.lyncemu.core.net.ConnectionTable;
import io.lyncemu.core.routing.MessageRouter;
import io.lyncemu.core.time.EmulatorClock;
import io.lyncemu.core.tls.LocalCertificateAuthority;
import io.lyncemu.core.topology.Deployment;
import io.lyncemu.core.topology.TopologyLoader;
import io.lyncemu.edge.sip.AccessEdgeConfig;
import io.lyncemu.edge.sip.AccessEdgeEnvironment;
import io.lyncemu.edge.sip.AccessEdgeServer;
import io.lyncemu.synthetic.SyntheticEnvironment;
import io.lyncemu.synthetic.TestCsFederatedPartnerCmdlet;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Test-CsFederatedPartner as a real SIP client against a running Access Edge. */
class TestCsFederatedPartnerTest {
  private static final String EDGE = "atl-edge-001.litwareinc.com";
  @TempDir Path dir;
  private final EmulatorClock clock = EmulatorClock.system();
  private final InMemoryEventJournal journal = new InMemoryEventJournal(clock);
  private final Deployment deployment =
      new Deployment(new TopologyLoader().builtIn("litwareinc"), journal);
  private final EmulatedPorts ports = new EmulatedPorts();
  private AccessEdgeServer edge;
  private TestCsFederatedPartnerCmdlet cmdlet;

  @BeforeEach
  void start() {
    LocalCertificateAuthority ca = LocalCertificateAuthority.openOrCreate(dir, clock);
    edge =
        new AccessEdgeServer(
            AccessEdgeConfig.ephemeral().withOutboundTimeout(Duration.ofSeconds(3)),
            new AccessEdgeEnvironment(
                deployment,
                journal,
                new MessageRouter(deployment, journal),
                new ZoneResolver(deployment, ports, ZoneResolver.none()),
                ports,
                new ConnectionTable(),
                ca.serverIdentity("edge", List.of("sip.litwareinc.com", EDGE), List.of("127.0.0.1"))
                    .serverContext(),
                ca.clientContext()));
    edge.start();
    cmdlet =
        new TestCsFederatedPartnerCmdlet(
            new SyntheticEnvironment(
                ca.clientContext(),
                host ->
                    new InetSocketAddress(
                        InetAddress.getLoopbackAddress(), edge.port(AccessEdgeServer.TLS)),
                Clock.systemUTC(),
                Duration.ofSeconds(10)));
  }

  @AfterEach
  void stop() {
    edge.stop();
  }

  private void partnerAt(int port) {
    deployment.update(
        "partner",
        t ->
            t.withDns(
                t.dns()
                    .withZone("contoso.com")
                    .withRecord(
                        DnsRecord.srv(
                            "contoso.com", "_sipfederationtls._tcp", 0, 0, port, "sip.contoso.com"))
                    .withRecord(DnsRecord.a("contoso.com", "sip", "127.0.0.1"))));
  }

  private CmdletOutput run() {
    return cmdlet.invoke(
        CmdletArguments.parse(List.of("-TargetFqdn", EDGE, "-Domain", "contoso.com")));
  }

  @Test
  void successWhenThePartnerEdgeAnswers() throws Exception {
    try (ServerSocket partner = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        AutoCloseable tcp = edge.partnerTransports().useTcp("sip.contoso.com")) {
      Thread uas = new Thread(() -> answerOnce(partner), "partner-uas");
      uas.setDaemon(true);
      uas.start();
      partnerAt(partner.getLocalPort());
      CmdletOutput out = run();
      String text = out.objects().get(0).toString();
      assertThat(out.succeeded()).as(text).isTrue();
      assertThat(out.objects().get(0).get("TargetFqdn")).isEqualTo(EDGE);
      assertThat(out.objects().get(0).get("Result")).isEqualTo("Success");
      assertThat(out.objects().get(0).get("Latency").toString()).startsWith("00:00:");
    }
  }

  @Test
  void failure504WhenThePartnerIsUnreachable() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    partnerAt(closed);
    CmdletOutput out = run();
    assertThat(out.succeeded()).isFalse();
    assertThat(out.objects().get(0).get("Result")).isEqualTo("Failure");
    assertThat(out.objects().get(0).get("Error")).isEqualTo("504, Server time-out");
    assertThat(out.objects().get(0).get("Diagnosis").toString())
        .startsWith(
            "ErrorCode=2, Source=" + EDGE + ", Reason=See response code and reason phrase.");
  }

  /** Answers the first request on the first connection with 200 OK, copying the routing headers. */
  private static void answerOnce(ServerSocket server) {
    try (Socket s = server.accept()) {
      BufferedReader in =
          new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
      List<String> copy = new ArrayList<>();
      for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
        String lower = line.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("via:")
            || lower.startsWith("from:")
            || lower.startsWith("to:")
            || lower.startsWith("call-id:")
            || lower.startsWith("cseq:")) {
          copy.add(line);
        }
      }
      OutputStream out = s.getOutputStream();
      out.write(
          ("SIP/2.0 200 OK\r\n" + String.join("\r\n", copy) + "\r\nContent-Length: 0\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      out.flush();
      // Keep the connection until the edge hangs up (or a bounded while), as a partner would.
      s.setSoTimeout(5_000);
      while (in.readLine() != null) {
        // drain
      }
    } catch (Exception ignored) {
      // test partner: the edge hung up
    }
  }
}
