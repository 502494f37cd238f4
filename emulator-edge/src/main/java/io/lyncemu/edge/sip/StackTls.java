package io.lyncemu.edge.sip;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;

/**
 * Hands one JAIN-SIP stack its TLS contexts. JAIN-SIP instantiates its {@code NETWORK_LAYER} by
 * class name with no arguments and otherwise reads keys from the global {@code javax.net.ssl.*}
 * system properties; keying the contexts by the stack's unique STACK_NAME keeps them per stack
 * without touching any system property.
 */
final class StackTls {
  /** The server side (our certificate) and the client side (whom we trust). */
  record Contexts(SSLContext server, SSLContext client) {
    Contexts {
      Objects.requireNonNull(server, "server");
      Objects.requireNonNull(client, "client");
    }
  }

  private static final Map<String, Contexts> BY_STACK = new ConcurrentHashMap<>();

  private StackTls() {}

  static AutoCloseable register(String stackName, Contexts contexts) {
    if (BY_STACK.putIfAbsent(stackName, contexts) != null) {
      throw new IllegalStateException("a SIP stack named " + stackName + " already exists");
    }
    return () -> BY_STACK.remove(stackName, contexts);
  }

  static Optional<Contexts> of(String stackName) {
    return Optional.ofNullable(BY_STACK.get(stackName));
  }
}
