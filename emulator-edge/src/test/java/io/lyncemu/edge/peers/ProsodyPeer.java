package io.lyncemu.edge.peers;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A private Prosody (Debian's 0.12) in the foreground, with its own config, data directory, log and
 * loopback ports: the federation partner the XMPP proxy talks to. Never the system service, which
 * may hold 5222/5269. Build one with {@link #forDomain(String)}, open it in try-with-resources.
 *
 * <p>Call {@link Peer#require()} on {@link Peer#prosody()} first so a machine without Prosody skips
 * the test.
 */
public final class ProsodyPeer implements AutoCloseable {
  private static final int LOG_TAIL_LINES = 60;
  private static final Duration STOP_GRACE = Duration.ofSeconds(5);

  private final ProsodyConfig config;
  private final Process process;
  private final Duration startupTime;

  private ProsodyPeer(ProsodyConfig config, Process process, Duration startupTime) {
    this.config = config;
    this.process = process;
    this.startupTime = startupTime;
  }

  /** Options for a Prosody serving {@code domain} (one VirtualHost). */
  public static Builder forDomain(String domain) {
    return new Builder(domain);
  }

  public String domain() {
    return config.domain();
  }

  public int c2sPort() {
    return config.c2sPort();
  }

  public int s2sPort() {
    return config.s2sPort();
  }

  /** The generated prosody.cfg.lua (until {@link #close()} deletes it). */
  public Path configFile() {
    return config.file();
  }

  /** Prosody's debug log (until {@link #close()} deletes it). */
  public Path logFile() {
    return config.logFile();
  }

  /** From launch until both ports accepted connections. */
  public Duration startupTime() {
    return startupTime;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public long pid() {
    return process.pid();
  }

  /** The last lines of Prosody's log and of its stdout/stderr, for assertion messages. */
  public String logTail() {
    return logTail(config, LOG_TAIL_LINES);
  }

  /** The whole debug log so far, e.g. to assert on dialback lines. */
  public String log() {
    return PeerFiles.read(logFile());
  }

  /** Kills Prosody (and any child) and deletes its directory. */
  @Override
  public void close() {
    try {
      ProcessTree.stop(process, STOP_GRACE);
    } finally {
      PeerFiles.deleteTree(config.dir());
    }
  }

  @Override
  public String toString() {
    return "Prosody(" + domain() + " c2s=" + c2sPort() + " s2s=" + s2sPort() + ")";
  }

  private static String logTail(ProsodyConfig config, int lines) {
    return "--- prosody.log ---\n"
        + PeerFiles.tail(config.logFile(), lines)
        + "\n--- stdout/stderr ---\n"
        + PeerFiles.tail(stdoutFile(config), lines);
  }

  private static Path stdoutFile(ProsodyConfig config) {
    return config.dir().resolve("prosody.out");
  }

  /** What the test wants of its Prosody; {@link #start()} launches it. */
  public static final class Builder {
    private final String domain;
    private final Map<String, String> users = new LinkedHashMap<>();
    private boolean requireEncryption;
    private int dnsForwarderPort;
    private int c2sPort;
    private int s2sPort;
    private Path certificate;
    private Path key;
    private boolean secureAuth;
    private Path caFile;
    private Duration startupTimeout = Duration.ofSeconds(20);

    private Builder(String domain) {
      this.domain = Objects.requireNonNull(domain);
    }

    /** A fixed c2s port on 127.0.0.1; by default a free one is chosen. */
    public Builder c2sPort(int port) {
      this.c2sPort = port;
      return this;
    }

    /**
     * A fixed s2s port on 127.0.0.1, for when DNS records pointing at it must exist before Prosody
     * starts; by default a free one is chosen.
     */
    public Builder s2sPort(int port) {
      this.s2sPort = port;
      return this;
    }

    /** {@code s2s_require_encryption}; default false, i.e. plain dialback is accepted. */
    public Builder requireEncryption(boolean require) {
      this.requireEncryption = require;
      return this;
    }

    /**
     * The UDP port on 127.0.0.1 of the DNS server lua-unbound forwards every query to (e.g. a
     * {@link StaticTestDns}); without one, lookups fail instead of leaving the machine.
     */
    public Builder dnsForwarderPort(int port) {
      this.dnsForwarderPort = port;
      return this;
    }

    /** PEM certificate and key for the VirtualHost (STARTTLS on c2s and s2s). */
    public Builder certificate(Path certificatePem, Path keyPem) {
      this.certificate = Objects.requireNonNull(certificatePem);
      this.key = Objects.requireNonNull(keyPem);
      return this;
    }

    /**
     * {@code s2s_secure_auth = true} with {@code caFile} as the trust anchors: servers must present
     * a certificate issued by it that names their domain (e.g. the emulator CA, to show an Edge
     * certificate without the bare SIP domain being refused). Needs {@link #certificate}.
     */
    public Builder secureAuth(Path caFilePem) {
      this.secureAuth = true;
      this.caFile = Objects.requireNonNull(caFilePem);
      return this;
    }

    /** A user of {@code domain}, registered with prosodyctl before Prosody starts. */
    public Builder user(String localpart, String password) {
      users.put(localpart, password);
      return this;
    }

    public Builder startupTimeout(Duration timeout) {
      this.startupTimeout = timeout;
      return this;
    }

    /**
     * Writes the config, registers the users, starts Prosody and waits until its c2s and s2s ports
     * accept connections. On failure nothing is left running and the exception quotes the log.
     */
    public ProsodyPeer start() throws IOException {
      Peer peer = Peer.prosody();
      Path dir = Files.createTempDirectory("lyncemu-prosody-" + domain + "-");
      ProsodyConfig config =
          new ProsodyConfig(
              domain,
              dir,
              c2sPort > 0 ? c2sPort : FreePorts.tcp(),
              s2sPort > 0 ? s2sPort : FreePorts.tcp(),
              requireEncryption,
              dnsForwarderPort,
              certificate,
              key,
              secureAuth,
              caFile);
      Process process = null;
      try {
        Files.createDirectories(config.dataDir());
        Files.createDirectories(config.certsDir());
        Files.writeString(config.file(), config.render(), StandardCharsets.UTF_8);
        for (Map.Entry<String, String> user : users.entrySet()) {
          register(peer, config, user.getKey(), user.getValue());
        }
        long started = System.nanoTime();
        process =
            new ProcessBuilder(
                    peer.executable().toString(), "-F", "--config", config.file().toString())
                .directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(stdoutFile(config).toFile())
                .start();
        Process running = process;
        await(
                "prosody "
                    + domain
                    + " listening on c2s "
                    + config.c2sPort()
                    + " and s2s "
                    + config.s2sPort())
            .atMost(startupTimeout)
            .pollDelay(Duration.ofMillis(20))
            .pollInterval(Duration.ofMillis(50))
            .failFast("prosody exited", () -> !running.isAlive())
            .until(
                () ->
                    FreePorts.accepting(config.s2sPort()) && FreePorts.accepting(config.c2sPort()));
        return new ProsodyPeer(config, process, Duration.ofNanos(System.nanoTime() - started));
      } catch (IOException | RuntimeException e) {
        String tail = logTail(config, LOG_TAIL_LINES);
        if (process != null) {
          ProcessTree.stop(process, STOP_GRACE);
        }
        PeerFiles.deleteTree(dir);
        throw new IOException("prosody for " + domain + " did not start: " + e + "\n" + tail, e);
      }
    }

    private static void register(Peer peer, ProsodyConfig config, String user, String password)
        throws IOException {
      List<String> command =
          new ArrayList<>(
              List.of(
                  peer.sibling("prosodyctl").toString(),
                  "--config",
                  config.file().toString(),
                  "register",
                  user,
                  config.domain(),
                  password));
      BoundedRun.Result result = BoundedRun.run(command, config.dir(), Duration.ofSeconds(30));
      if (result.exit() != 0) {
        throw new IOException(
            "prosodyctl register "
                + user
                + "@"
                + config.domain()
                + " exited "
                + result.exit()
                + ": "
                + result.output());
      }
    }
  }
}
