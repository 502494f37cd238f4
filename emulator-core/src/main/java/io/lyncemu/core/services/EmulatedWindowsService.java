package io.lyncemu.core.services;

import io.lyncemu.core.lifecycle.Service;
import java.util.Objects;

/**
 * One emulated Windows service and the listeners ({@code backing}) it owns.
 *
 * @param name the service name, e.g. {@code W3SVC}
 * @param displayName as the Services console shows it
 * @param role the server role it belongs to, e.g. {@code WebServer:atl-cs-001.litwareinc.com}
 */
public record EmulatedWindowsService(
    String name, String displayName, String role, Service backing) {
  public EmulatedWindowsService {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(backing, "backing");
  }

  public String status() {
    return backing.isRunning() ? "Running" : "Stopped";
  }
}
