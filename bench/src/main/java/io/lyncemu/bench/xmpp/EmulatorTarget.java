package io.lyncemu.bench.xmpp;

import io.lyncemu.app.LyncEmulator;
import io.lyncemu.app.PortPlan;
import io.lyncemu.core.dns.DnsRecord;
import io.lyncemu.core.federation.Negotiation;
import io.lyncemu.core.federation.XmppAllowedPartner;
import io.lyncemu.core.federation.XmppGatewayConfiguration;
import io.lyncemu.core.federation.XmppPartnerType;
import io.lyncemu.core.routing.InstantMessage;
import io.lyncemu.core.routing.MessageEndpoint;
import io.lyncemu.core.topology.Fqdns;
import io.lyncemu.core.topology.User;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * The emulator, embedded in this JVM with the built-in litwareinc deployment, as the driver's
 * target: its Edge listens on {@code xmpp-s2s} (5269), and a message travels 5269 → Edge XMPP proxy
 * → 23456 → FE XMPP gateway → router → the user's endpoints. The bench makes {@code bench.example}
 * an XMPP partner the way an administrator would (New-CsXmppAllowedPartner with TLS and SASL
 * NotSupported, as for Google Talk, and DNS records for its SRV), and registers one counting
 * endpoint per user with the router, standing in for a signed-in client.
 */
public final class EmulatorTarget implements FederationTarget {
  /** The listener name the emulator's XMPP module binds for the Edge's 5269. */
  public static final String S2S_LISTENER = "xmpp-s2s";

  private final LyncEmulator emulator;
  private final InetSocketAddress s2s;
  private final String domain;
  private final List<String> recipients = new ArrayList<>();
  private final List<AutoCloseable> registrations = new ArrayList<>();
  private final LongAdder delivered = new LongAdder();

  /** Starts an emulator; fails with a clear message when this build has no XMPP s2s listener. */
  public EmulatorTarget(S2sLoadDriver driver, Path stateDir, int connections) {
    this.emulator = LyncEmulator.builder().ports(PortPlan.ephemeral()).stateDir(stateDir).build();
    try {
      emulator.start();
      InetSocketAddress bound = emulator.endpoints().get(S2S_LISTENER);
      if (bound == null) {
        throw new IllegalStateException(
            "this emulator build has no '" + S2S_LISTENER + "' listener (XMPP module not merged)");
      }
      this.s2s = new InetSocketAddress("127.0.0.1", bound.getPort());
      String partner = driver.domain();
      emulator
          .deployment()
          .update(
              "bench: XMPP partner " + partner,
              t ->
                  t.withDns(
                          t.dns()
                              .withRecord(
                                  DnsRecord.srv(
                                      partner,
                                      "_xmpp-server._tcp",
                                      0,
                                      0,
                                      driver.authoritativePort(),
                                      "auth." + partner))
                              .withRecord(DnsRecord.a(partner, "auth", "127.0.0.1")))
                      .withFederation(
                          f -> {
                            List<XmppAllowedPartner> partners = new ArrayList<>(f.xmppPartners());
                            partners.add(
                                new XmppAllowedPartner(
                                    partner,
                                    null,
                                    connections * 2,
                                    "load driver",
                                    false,
                                    XmppPartnerType.FEDERATED,
                                    null,
                                    Negotiation.NOT_SUPPORTED,
                                    Negotiation.NOT_SUPPORTED,
                                    true));
                            XmppGatewayConfiguration g = f.xmppGateway();
                            return f.withXmppPartners(partners)
                                .withXmppGateway(
                                    new XmppGatewayConfiguration(
                                        g.identity(),
                                        Math.max(g.connectionLimit(), connections * 2),
                                        g.dialbackPassphrase(),
                                        g.enableLoggingAllMessageBodies(),
                                        g.keepAliveInterval(),
                                        Math.max(g.partnerConnectionLimit(), connections * 2),
                                        g.streamEstablishmentTimeout(),
                                        g.streamInactivityTimeout(),
                                        g.subscriptionRefreshInterval()));
                          }));
      this.domain = emulator.deployment().current().sipDomain();
      for (User user : emulator.deployment().current().users()) {
        String sip = Fqdns.sipUri(user.sipAddress());
        recipients.add(sip.substring("sip:".length()));
        registrations.add(emulator.router().register(new CountingEndpoint(sip, delivered)));
      }
    } catch (RuntimeException e) {
      emulator.close();
      throw e;
    }
  }

  @Override
  public String name() {
    return "emulator";
  }

  @Override
  public String domain() {
    return domain;
  }

  @Override
  public InetSocketAddress s2s() {
    return s2s;
  }

  @Override
  public List<String> recipients() {
    return List.copyOf(recipients);
  }

  @Override
  public long delivered() {
    return delivered.sum();
  }

  /**
   * Heap used after a full GC. The driver shares the JVM, so the benchmark subtracts the driver's
   * own share (measured the same way while it holds the same connections to Prosody).
   */
  @Override
  public long memoryBytes() {
    return heapAfterGc();
  }

  @Override
  public String memoryMethod() {
    return "JVM heap used after GC (MemoryMXBean), minus the driver's own share";
  }

  /** Heap used after asking for full collections until the figure settles. */
  public static long heapAfterGc() {
    var memory = ManagementFactory.getMemoryMXBean();
    long last = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      long used = memory.getHeapMemoryUsage().getUsed();
      if (Math.abs(last - used) < 64 * 1024) {
        return used;
      }
      last = used;
    }
    return last;
  }

  @Override
  public void close() {
    for (AutoCloseable registration : registrations) {
      try {
        registration.close();
      } catch (Exception ignored) {
        // The emulator is stopped next anyway.
      }
    }
    emulator.close();
  }

  /** A signed-in user's inbox, reduced to a counter: the router calls it on delivery. */
  private record CountingEndpoint(String sipUri, LongAdder delivered) implements MessageEndpoint {
    @Override
    public String endpointId() {
      return "bench-" + sipUri;
    }

    @Override
    public String protocol() {
      return "bench";
    }

    @Override
    public void deliver(InstantMessage message) {
      delivered.increment();
    }
  }
}
