package io.lyncemu.app.assembly;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The listeners the emulator promised to bind and where they are bound right now. Health is "every
 * promised listener is bound": a Windows service stopped by a cmdlet or a scenario shows up here as
 * unbound. Thread-safe once {@link #readFrom} has been called (during assembly).
 */
public final class Listeners {
  private final List<ListenerSpec> specs;
  private volatile Supplier<Map<String, InetSocketAddress>> live = Map::of;

  public Listeners(List<ListenerSpec> specs) {
    this.specs = List.copyOf(specs);
  }

  /** Where the live addresses come from; called once the services exist. */
  void readFrom(Supplier<Map<String, InetSocketAddress>> source) {
    this.live = Objects.requireNonNull(source, "source");
  }

  public List<ListenerSpec> specs() {
    return specs;
  }

  /** The bound addresses by listener name, read back from the sockets. */
  public Map<String, InetSocketAddress> bound() {
    return live.get();
  }

  /** Promised listeners that are not bound now, in declaration order. */
  public List<String> unbound() {
    Map<String, InetSocketAddress> now = bound();
    List<String> missing = new ArrayList<>();
    for (ListenerSpec spec : specs) {
      if (!now.containsKey(spec.name())) {
        missing.add(spec.name());
      }
    }
    return missing;
  }

  public Optional<ListenerSpec> spec(String name) {
    return specs.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /** Bound listeners as host, port and URL, e.g. {@code https://127.0.0.1:4443/}. */
  public Map<String, BoundListener> table() {
    Map<String, BoundListener> table = new LinkedHashMap<>();
    bound()
        .forEach(
            (name, address) -> {
              String scheme = spec(name).map(ListenerSpec::scheme).orElse("tcp");
              table.put(name, BoundListener.of(scheme, address));
            });
    return table;
  }

  /** One bound listener as printed in the banner and written to {@code endpoints.json}. */
  public record BoundListener(String host, int port, String url) {
    static BoundListener of(String scheme, InetSocketAddress address) {
      String host = address.getHostString();
      String urlHost = host.contains(":") ? "[" + host + "]" : host;
      return new BoundListener(
          host, address.getPort(), scheme + "://" + urlHost + ":" + address.getPort() + "/");
    }
  }
}
