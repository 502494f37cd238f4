package io.lyncemu.core.lifecycle;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Starts children in order and stops them in reverse. When a child fails to start, the children
 * that already started are stopped before the failure is rethrown, so a failed start leaks nothing.
 * Thread-safe: start and stop are serialised on the group.
 */
public final class ServiceGroup implements Service {
  private final String name;
  private final List<Service> children;
  private final List<Service> started = new ArrayList<>();

  public ServiceGroup(String name, List<? extends Service> children) {
    this.name = Objects.requireNonNull(name, "name");
    this.children = List.copyOf(children);
  }

  @Override
  public String name() {
    return name;
  }

  public List<Service> children() {
    return children;
  }

  @Override
  public synchronized void start() {
    for (Service child : children) {
      if (child.isRunning()) {
        continue;
      }
      try {
        child.start();
        started.add(child);
      } catch (RuntimeException failure) {
        stopStarted(failure);
        throw failure;
      }
    }
  }

  @Override
  public synchronized void stop() {
    stopStarted(null);
  }

  private void stopStarted(RuntimeException primary) {
    List<Service> reverse = new ArrayList<>(started);
    Collections.reverse(reverse);
    for (Service child : reverse) {
      try {
        child.stop();
      } catch (RuntimeException e) {
        // Keep stopping the rest: one stuck child must not leak the others' ports.
        if (primary != null) {
          primary.addSuppressed(e);
        }
      }
    }
    started.clear();
  }

  /**
   * Stops the running children, then closes every child (in reverse order), so that resources a
   * child keeps across stop/start cycles are released too.
   */
  @Override
  public synchronized void close() {
    RuntimeException failure = null;
    try {
      stop();
    } catch (RuntimeException e) {
      failure = e;
    }
    List<Service> reverse = new ArrayList<>(children);
    Collections.reverse(reverse);
    for (Service child : reverse) {
      try {
        child.close();
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return !started.isEmpty() && started.stream().allMatch(Service::isRunning);
  }

  @Override
  public synchronized Map<String, InetSocketAddress> endpoints() {
    Map<String, InetSocketAddress> all = new LinkedHashMap<>();
    for (Service child : children) {
      all.putAll(child.endpoints());
    }
    return Collections.unmodifiableMap(all);
  }
}
