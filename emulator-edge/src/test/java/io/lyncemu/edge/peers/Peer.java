package io.lyncemu.edge.peers;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * A third-party program the peer tests drive. {@link #require()} skips the test when the program is
 * missing, or fails it when {@code LYNCEMU_REQUIRE_PEERS=1} (CI installs every peer, so a missing
 * one there is a broken image, not a reason to skip).
 *
 * @param name what the messages call it
 * @param executable the program the harness runs, or null when it is not on the PATH
 * @param aptPackage the Debian packages that provide it (and what it needs), for the skip message
 * @param probe a full command that shows the program works
 * @param probeExpects text the probe's output must contain; null means "exit status 0" instead
 *     (SIPp's {@code -v} exits 99, so its probe checks the banner)
 */
public record Peer(
    String name, Path executable, String aptPackage, List<String> probe, String probeExpects) {
  public static final String REQUIRE_ENV = "LYNCEMU_REQUIRE_PEERS";
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(30);

  /**
   * Prosody with lua-unbound: without lua-unbound Prosody silently falls back to its own resolver,
   * which reads /etc/resolv.conf and cannot be pointed at a test DNS server, so federation tests
   * would fail for a confusing reason. {@code prosodyctl about} lists {@code luaunbound} only when
   * it loads. The executable is {@code prosody}; {@code prosodyctl} sits next to it.
   */
  public static Peer prosody() {
    Path prosodyctl = onPath("prosodyctl");
    return new Peer(
        "prosody",
        onPath("prosody"),
        "prosody lua-unbound",
        List.of(prosodyctl == null ? "prosodyctl" : prosodyctl.toString(), "about"),
        "luaunbound");
  }

  /** SIPp from Debian's {@code sip-tester}; it has no {@code --version} that exits 0. */
  public static Peer sipp() {
    Path sipp = onPath("sipp");
    return new Peer(
        "sipp",
        sipp,
        "sip-tester",
        List.of(sipp == null ? "sipp" : sipp.toString(), "-v"),
        "SIPp v");
  }

  /** stunnel, to put TLS in front of SIPp (Debian's SIPp has none). */
  public static Peer stunnel() {
    Path stunnel = onPath("stunnel");
    return new Peer(
        "stunnel",
        stunnel,
        "stunnel4",
        List.of(stunnel == null ? "stunnel" : stunnel.toString(), "-version"),
        "stunnel");
  }

  /** Skips (or, with {@code LYNCEMU_REQUIRE_PEERS=1}, fails) unless the program works. */
  public Peer require() {
    String missing = whyMissing();
    if (missing == null) {
      return this;
    }
    String install = "apt-get install -y --no-install-recommends " + aptPackage;
    if ("1".equals(System.getenv(REQUIRE_ENV))) {
      fail(name + " is required (" + REQUIRE_ENV + "=1): " + install + " [" + missing + "]");
    }
    Assumptions.abort(name + " is not installed (" + missing + "); skipped. To run: " + install);
    return this;
  }

  /** The directory holding the executable, for programs that come in the same package. */
  public Path sibling(String program) {
    return executable.resolveSibling(program);
  }

  private String whyMissing() {
    if (executable == null || !Files.isExecutable(executable)) {
      return "no executable " + (executable == null ? name : executable);
    }
    try {
      BoundedRun.Result result = BoundedRun.run(probe, null, PROBE_TIMEOUT);
      if (probeExpects == null) {
        return result.exit() == 0 ? null : "probe exited " + result.exit() + ": " + result.output();
      }
      return result.output().contains(probeExpects)
          ? null
          : "probe output lacks '" + probeExpects + "': " + result.output();
    } catch (IOException e) {
      return "probe failed: " + e.getMessage();
    }
  }

  static Path onPath(String program) {
    List<String> dirs = new ArrayList<>(List.of(pathEnv().split(File.pathSeparator)));
    // Debian puts prosody and sipp in /usr/bin, but a test JVM may run with a trimmed PATH.
    dirs.add("/usr/bin");
    dirs.add("/usr/sbin");
    for (String dir : dirs) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, program);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  private static String pathEnv() {
    return System.getenv().getOrDefault("PATH", "");
  }
}
