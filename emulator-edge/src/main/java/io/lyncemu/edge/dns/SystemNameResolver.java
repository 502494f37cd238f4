package io.lyncemu.edge.dns;

import io.lyncemu.core.dns.NameResolver;
import io.lyncemu.core.dns.SrvTarget;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Hashtable;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.naming.Context;
import javax.naming.NamingEnumeration;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The machine's own resolver, the default upstream: A records through {@link InetAddress} (so
 * {@code /etc/hosts} counts), SRV records through the JDK's JNDI DNS provider with the system's
 * name servers. Both are bounded by the timeout, since the system resolver alone may wait far
 * longer when the network is down; a failure gives an empty list. Thread-safe.
 */
final class SystemNameResolver implements NameResolver {
  private static final Logger LOG = LoggerFactory.getLogger(SystemNameResolver.class);
  // Daemon threads: a look-up stuck in the OS must not keep the JVM alive.
  private static final ExecutorService LOOKUPS =
      Executors.newCachedThreadPool(
          runnable -> {
            Thread thread = new Thread(runnable, "lyncemu-system-resolver");
            thread.setDaemon(true);
            return thread;
          });

  private final Duration timeout;

  SystemNameResolver(Duration timeout) {
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  @Override
  public List<SrvTarget> lookupSrv(String name) {
    return bounded("SRV " + name, () -> srv(name));
  }

  @Override
  public List<InetAddress> lookupAddress(String host) {
    return bounded(
        "A " + host,
        () ->
            Arrays.stream(InetAddress.getAllByName(host))
                .filter(a -> a instanceof Inet4Address)
                .toList());
  }

  private List<SrvTarget> srv(String name) throws Exception {
    Hashtable<String, String> env = new Hashtable<>();
    env.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.dns.DnsContextFactory");
    env.put(Context.PROVIDER_URL, "dns:");
    env.put("com.sun.jndi.dns.timeout.initial", String.valueOf(timeout.toMillis() / 2));
    env.put("com.sun.jndi.dns.timeout.retries", "1");
    DirContext context = new InitialDirContext(env);
    try {
      Attributes attributes = context.getAttributes(name, new String[] {"SRV"});
      Attribute srv = attributes.get("SRV");
      List<SrvTarget> targets = new ArrayList<>();
      if (srv != null) {
        NamingEnumeration<?> values = srv.getAll();
        while (values.hasMore()) {
          // "priority weight port target." as the JNDI provider prints SRV data
          String[] fields = values.next().toString().trim().split("\\s+");
          if (fields.length == 4) {
            String target =
                fields[3].endsWith(".")
                    ? fields[3].substring(0, fields[3].length() - 1)
                    : fields[3];
            targets.add(
                new SrvTarget(
                    Integer.parseInt(fields[0]),
                    Integer.parseInt(fields[1]),
                    target,
                    Integer.parseInt(fields[2])));
          }
        }
      }
      targets.sort(Comparator.comparingInt(SrvTarget::priority));
      return targets;
    } finally {
      context.close();
    }
  }

  private interface Lookup<T> {
    List<T> run() throws Exception;
  }

  private <T> List<T> bounded(String what, Lookup<T> lookup) {
    CompletableFuture<List<T>> future =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return lookup.run();
              } catch (Exception e) {
                LOG.debug("system look-up {} failed: {}", what, e.toString());
                return List.of();
              }
            },
            LOOKUPS);
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    } catch (Exception e) {
      future.cancel(true);
      LOG.debug("system look-up {} gave up: {}", what, e.toString());
      return List.of();
    }
  }

  @Override
  public String toString() {
    return "system resolver";
  }
}
