package io.lyncemu.core.cmdlets;

import io.lyncemu.core.dns.EmulatedPorts;
import io.lyncemu.core.management.Cmdlet;
import io.lyncemu.core.management.CmdletArguments;
import io.lyncemu.core.management.CmdletOutput;
import io.lyncemu.core.management.PsObject;
import io.lyncemu.core.management.SimpleCmdlet;
import io.lyncemu.core.net.ConnectionTable;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Get-CsEmulatorNetstat (emulator-only): the emulated servers' sockets as {@code netstat -ano}
 * shows them, so a trainer can show "23456 never ESTABLISHED" without a real Windows host. {@code
 * -Port} filters like {@code | findstr :5269}. {@link #lines} renders the Windows table.
 *
 * <p>A well-known port also matches the ports the emulator really bound for it ({@link
 * EmulatedPorts}): with {@code --ports ephemeral} or in tests the 5269 listener may sit on 41234,
 * and {@code -Port 5269} still shows its rows, as {@code findstr 5269} would on the Edge. A stopped
 * listener has no mapping, so {@code -Port 5269} then shows nothing LISTENING (emulator-defined).
 */
public final class NetstatCmdlets {
  /** The column header line {@code netstat -ano} prints. */
  public static final String HEADER =
      row("Proto", "Local Address", "Foreign Address", "State", "PID");

  private final ConnectionTable connections;
  private final EmulatedPorts ports;

  public NetstatCmdlets(ConnectionTable connections) {
    this(connections, new EmulatedPorts());
  }

  public NetstatCmdlets(ConnectionTable connections, EmulatedPorts ports) {
    this.connections = Objects.requireNonNull(connections, "connections");
    this.ports = Objects.requireNonNull(ports, "ports");
  }

  public List<Cmdlet> all() {
    return List.of(
        new SimpleCmdlet(
            "Get-CsEmulatorNetstat",
            "Lists the emulated servers' listening sockets and connections (netstat -ano).",
            this::netstat));
  }

  private CmdletOutput netstat(CmdletArguments args) {
    args.allow("Get-CsEmulatorNetstat", "Port");
    Long port = args.integer("Port").orElse(null);
    List<PsObject> rows = new ArrayList<>();
    for (ConnectionTable.Entry e : filter(connections.snapshot(), port, ports)) {
      rows.add(
          PsObject.of("Lyncemu.Netstat.Connection")
              .put("Proto", "TCP")
              .put("LocalAddress", address(e.local()))
              .put(
                  "ForeignAddress", e.remote() == null ? foreignOfListener(e) : address(e.remote()))
              .put("State", e.state().name())
              .put("PID", e.pid())
              .put("Owner", e.owner())
              .build());
    }
    return CmdletOutput.of(rows);
  }

  /** Rows whose local or foreign port is {@code port}; all rows when it is null. */
  public static List<ConnectionTable.Entry> filter(List<ConnectionTable.Entry> rows, Long port) {
    return filter(rows, port, new EmulatedPorts());
  }

  /**
   * Rows whose local or foreign port is {@code port} or a port bound for the well-known {@code
   * port}; all rows when it is null.
   */
  public static List<ConnectionTable.Entry> filter(
      List<ConnectionTable.Entry> rows, Long port, EmulatedPorts ports) {
    if (port == null) {
      return rows;
    }
    Set<Integer> wanted = new HashSet<>(ports.boundFor(port.intValue()));
    wanted.add(port.intValue());
    return rows.stream()
        .filter(
            e ->
                wanted.contains(e.local().getPort())
                    || (e.remote() != null && wanted.contains(e.remote().getPort())))
        .toList();
  }

  /** The table {@code netstat -ano} prints, header included, one line per row. */
  public static List<String> lines(List<ConnectionTable.Entry> rows) {
    List<String> out = new ArrayList<>();
    out.add(HEADER);
    for (ConnectionTable.Entry e : rows) {
      out.add(
          row(
              "TCP",
              address(e.local()),
              e.remote() == null ? foreignOfListener(e) : address(e.remote()),
              e.state().name(),
              Long.toString(e.pid())));
    }
    return out;
  }

  /**
   * One line of the table in Windows' fixed columns, so that {@code | grep :5269} and scripts
   * written against {@code netstat -ano | findstr} read it alike. The command line renders the
   * cmdlet's objects with this.
   */
  public static String row(String proto, String local, String foreign, String state, String pid) {
    return String.format("  %-6s %-22s %-22s %-15s %s", proto, local, foreign, state, pid);
  }

  /** Windows prints 0.0.0.0:0 (or [::]:0) as the foreign address of a listening socket. */
  private static String foreignOfListener(ConnectionTable.Entry e) {
    return e.local().getAddress() instanceof java.net.Inet6Address ? "[::]:0" : "0.0.0.0:0";
  }

  private static String address(InetSocketAddress a) {
    String host = a.getAddress() == null ? a.getHostString() : a.getAddress().getHostAddress();
    if (host.contains(":")) {
      host = "[" + compressed(host.replaceAll("%.*$", "")) + "]";
    }
    return host + ":" + a.getPort();
  }

  /**
   * Java spells IPv6 addresses in full ({@code 0:0:0:0:0:0:0:1}); Windows prints the RFC 5952 form
   * ({@code ::1}): the longest run of two or more zero groups becomes {@code ::}.
   */
  static String compressed(String ipv6) {
    String[] groups = ipv6.split(":", -1);
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < groups.length; ) {
      int j = i;
      while (j < groups.length && groups[j].replaceFirst("^0+", "").isEmpty()) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j == i ? i + 1 : j;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < groups.length; i++) {
      if (i == bestStart) {
        out.append("::");
        i += bestLength - 1;
        continue;
      }
      if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
        out.append(':');
      }
      out.append(groups[i].replaceFirst("^0+(?=.)", ""));
    }
    return out.toString();
  }
}
