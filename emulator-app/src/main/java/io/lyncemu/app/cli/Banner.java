package io.lyncemu.app.cli;

import io.lyncemu.app.LyncEmulator;
import io.lyncemu.app.assembly.Listeners.BoundListener;
import io.lyncemu.core.scenario.Scenario;
import io.lyncemu.core.topology.Topology;
import io.lyncemu.core.topology.User;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The text {@code lyncemu run} prints once every listener is bound: where everything is, who can
 * log on, and two commands to paste. Stateless.
 */
final class Banner {
  private Banner() {}

  static String of(LyncEmulator emulator) {
    Topology topology = emulator.deployment().current();
    String domain = topology.netbiosDomain().toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder();
    out.append("Lync Emulator ")
        .append(LyncEmulator.version())
        .append(" is running: topology ")
        .append(topology.name())
        .append(" (")
        .append(topology.sipDomain())
        .append(", pool ")
        .append(topology.primaryPool().fqdn())
        .append(")\n");
    emulator
        .scenarios()
        .active()
        .map(Scenario::name)
        .ifPresent(name -> out.append("Scenario in force: ").append(name).append('\n'));

    out.append("\nEndpoints\n");
    Map<String, BoundListener> table = emulator.endpointTable();
    int width = table.keySet().stream().mapToInt(String::length).max().orElse(0);
    table.forEach(
        (name, listener) ->
            out.append("  ")
                .append(pad(name, width))
                .append("  ")
                .append(listener.url())
                .append('\n'));
    out.append("\nCA certificate  ").append(emulator.certificateAuthority()).append('\n');
    out.append("State directory ").append(emulator.stateDir()).append('\n');

    List<User> users = topology.users();
    if (!users.isEmpty()) {
      out.append("\nUsers\n");
      int nameWidth = users.stream().mapToInt(u -> u.displayName().length()).max().orElse(0);
      int logonWidth =
          users.stream()
              .mapToInt(u -> domain.length() + 1 + u.samAccountName().length())
              .max()
              .orElse(0);
      int sipWidth = users.stream().mapToInt(u -> u.sipAddress().length()).max().orElse(0);
      for (User user : users) {
        out.append("  ")
            .append(pad(user.displayName(), nameWidth))
            .append("  ")
            .append(pad(domain + "\\" + user.samAccountName(), logonWidth))
            .append("  ")
            .append(pad(user.sipAddress(), sipWidth))
            .append("  ")
            .append(user.password())
            .append('\n');
      }
    }

    out.append("\nTry\n");
    String admin = emulator.adminUrl().orElse("");
    if (!admin.isEmpty() && !admin.equals(CmdletInvocation.DEFAULT_ADMIN)) {
      out.append("  export ")
          .append(CmdletInvocation.ADMIN_VARIABLE)
          .append('=')
          .append(admin)
          .append('\n');
    }
    if (!users.isEmpty()) {
      out.append("  ./lyncemu Get-CsUser -Identity ")
          .append(users.get(0).sipAddress())
          .append('\n');
    } else {
      out.append("  ./lyncemu Get-CsWindowsService\n");
    }
    if (users.size() >= 2) {
      User sender = users.get(0);
      User receiver = users.get(1);
      out.append("  ./lyncemu Test-CsMcxP2PIM -TargetFqdn ")
          .append(topology.primaryPool().fqdn())
          .append(" -Authentication Negotiate -SenderSipAddress ")
          .append(sender.sipAddress())
          .append(" -SenderCredential '")
          .append(domain)
          .append('\\')
          .append(sender.samAccountName())
          .append(':')
          .append(sender.password())
          .append("' -ReceiverSipAddress ")
          .append(receiver.sipAddress())
          .append(" -ReceiverCredential '")
          .append(domain)
          .append('\\')
          .append(receiver.samAccountName())
          .append(':')
          .append(receiver.password())
          .append("'\n");
    }
    out.append("\nPress Ctrl-C to stop.");
    return out.toString();
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(Math.max(0, width - text.length()));
  }
}
