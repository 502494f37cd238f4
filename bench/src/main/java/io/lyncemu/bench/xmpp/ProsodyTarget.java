package io.lyncemu.bench.xmpp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * A private Prosody (Debian's {@code prosody} package) in the foreground with its own config and
 * data directory, plain dialback on s2s, and one c2s client per receiving user counting what is
 * delivered. Names resolve through libunbound forwarded to the run's {@link BenchDns} (PROTOCOLS.md
 * §11), so Prosody finds the driver's authoritative server without touching the system resolver.
 */
public final class ProsodyTarget implements FederationTarget {
  public static final String DOMAIN = "prosody.example";
  private static final String PASSWORD = "Bench!2013";
  private static final Path BINARY = Path.of("/usr/bin/prosody");

  private final Process process;
  private final Path dir;
  private final int s2sPort;
  private final List<String> recipients = new ArrayList<>();
  private final List<C2sInbox> inboxes = new ArrayList<>();
  private final LongAdder delivered = new LongAdder();
  private final BenchDns dns;

  /** Empty when Prosody (or libunbound for Lua) is not installed: the benchmark says so instead. */
  public static Optional<String> unavailable() {
    if (!Files.isExecutable(BINARY)) {
      return Optional.of("prosody is not installed (apt-get install prosody lua-unbound)");
    }
    return Optional.empty();
  }

  public ProsodyTarget(S2sLoadDriver driver, List<String> users, Path dir)
      throws IOException, InterruptedException {
    this.dir = dir;
    this.dns =
        new BenchDns(
            driver.group(), driver.domain(), "auth." + driver.domain(), driver.authoritativePort());
    this.s2sPort = freePort();
    int c2sPort = freePort();
    Path data = Files.createDirectories(dir.resolve("data"));
    Files.createDirectories(dir.resolve("certs"));
    Path accounts =
        Files.createDirectories(data.resolve(DOMAIN.replace(".", "%2e")).resolve("accounts"));
    for (String user : users) {
      // mod_auth_internal_plain's own storage format, so no prosodyctl (which refuses root) is run.
      Files.writeString(
          accounts.resolve(user + ".dat"),
          "return {\n\t[\"password\"] = \"" + PASSWORD + "\";\n};\n");
      recipients.add(user + "@" + DOMAIN);
    }
    Path config = dir.resolve("prosody.cfg.lua");
    Files.writeString(config, config(data, s2sPort, c2sPort, dns.port()), StandardCharsets.UTF_8);
    this.process =
        new ProcessBuilder(BINARY.toString(), "-F", "--config", config.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("console.log").toFile())
            .start();
    try {
      if (!Waits.until(() -> listening(s2sPort) && listening(c2sPort), Duration.ofSeconds(20))) {
        throw new IOException("Prosody did not open its ports; see " + dir.resolve("console.log"));
      }
      for (String user : users) {
        inboxes.add(
            C2sInbox.signIn(
                    driver.group(),
                    new InetSocketAddress("127.0.0.1", c2sPort),
                    user,
                    DOMAIN,
                    PASSWORD,
                    delivered)
                .get(10, TimeUnit.SECONDS));
      }
    } catch (Exception e) {
      close();
      throw new IOException("Prosody c2s sign-in failed: " + e, e);
    }
  }

  private static String config(Path data, int s2s, int c2s, int dnsPort) {
    return String.join(
        "\n",
        "-- Written by the bench (XmppFederationBenchmark): a private Prosody for one run.",
        "daemonize = false",
        // The bench may run as root (containers); the private instance touches only its own dir.
        "run_as_root = true",
        "certificates = \"" + data.resolveSibling("certs") + "\"",
        "pidfile = \"" + data.resolveSibling("prosody.pid") + "\"",
        "data_path = \"" + data + "\"",
        "interfaces = { \"127.0.0.1\" }",
        "s2s_ports = { " + s2s + " }",
        "c2s_ports = { " + c2s + " }",
        "c2s_direct_tls_ports = { }",
        "s2s_direct_tls_ports = { }",
        "component_ports = { }",
        "http_ports = { }",
        "https_ports = { }",
        "s2s_require_encryption = false",
        "s2s_secure_auth = false",
        "c2s_require_encryption = false",
        "allow_unencrypted_plain_auth = true",
        "authentication = \"internal_plain\"",
        "storage = \"internal\"",
        "modules_enabled = { \"roster\"; \"saslauth\"; \"dialback\"; \"disco\" }",
        "modules_disabled = { \"offline\"; \"c2s_limits\"; \"s2s_bidi\"; \"tls\" }",
        "log = { warn = \"" + data.resolveSibling("prosody.log") + "\" }",
        "unbound = { resolvconf = false; hoststxt = false; forward = { \"127.0.0.1@"
            + dnsPort
            + "\" } }",
        "VirtualHost \"" + DOMAIN + "\"",
        "");
  }

  @Override
  public String name() {
    return "Prosody";
  }

  @Override
  public String domain() {
    return DOMAIN;
  }

  @Override
  public InetSocketAddress s2s() {
    return new InetSocketAddress("127.0.0.1", s2sPort);
  }

  @Override
  public List<String> recipients() {
    return List.copyOf(recipients);
  }

  @Override
  public long delivered() {
    return delivered.sum();
  }

  /** VmRSS of the Prosody process: Lua has no heap figure comparable to the JVM's. */
  @Override
  public long memoryBytes() {
    try {
      for (String line :
          Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException e) {
      return -1;
    }
    return -1;
  }

  @Override
  public String memoryMethod() {
    return "Prosody process VmRSS (/proc/<pid>/status)";
  }

  public Path directory() {
    return dir;
  }

  @Override
  public void close() {
    inboxes.forEach(C2sInbox::close);
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    dns.close();
  }

  private static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
