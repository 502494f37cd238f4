package io.lyncemu.core.services;

import io.lyncemu.core.journal.EventJournal;
import io.lyncemu.core.journal.EventKind;
import io.lyncemu.core.journal.NewEvent;
import io.lyncemu.core.management.CmdletException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The emulated services by name (case-insensitive), in registration order. Start and stop are
 * journaled. Thread-safe.
 */
public final class WindowsServices {
  private final EventJournal journal;
  private final CopyOnWriteArrayList<EmulatedWindowsService> services =
      new CopyOnWriteArrayList<>();
  private final Map<String, EmulatedWindowsService> byName = new ConcurrentHashMap<>();

  public WindowsServices(EventJournal journal) {
    this.journal = Objects.requireNonNull(journal, "journal");
  }

  public void register(EmulatedWindowsService service) {
    if (byName.putIfAbsent(service.name().toUpperCase(java.util.Locale.ROOT), service) != null) {
      throw new IllegalStateException("service " + service.name() + " is registered twice");
    }
    services.add(service);
  }

  public List<EmulatedWindowsService> list() {
    return List.copyOf(services);
  }

  public Optional<EmulatedWindowsService> find(String name) {
    return Optional.ofNullable(byName.get(name.toUpperCase(java.util.Locale.ROOT)));
  }

  private EmulatedWindowsService require(String name) {
    return find(name)
        .orElseThrow(
            () ->
                new CmdletException(
                    "ObjectNotFound",
                    "Cannot find any service with service name '"
                        + name
                        + "'. Known services: "
                        + services.stream().map(EmulatedWindowsService::name).toList()));
  }

  public EmulatedWindowsService stop(String name) {
    EmulatedWindowsService service = require(name);
    if (service.backing().isRunning()) {
      service.backing().stop();
      journal.record(
          NewEvent.of("services", EventKind.SERVICE_STOPPED).with("service", service.name()));
    }
    return service;
  }

  public EmulatedWindowsService start(String name) {
    EmulatedWindowsService service = require(name);
    if (!service.backing().isRunning()) {
      service.backing().start();
      journal.record(
          NewEvent.of("services", EventKind.SERVICE_STARTED).with("service", service.name()));
    }
    return service;
  }
}
