package io.lyncemu.synthetic;

import io.lyncemu.core.management.Cmdlet;
import io.lyncemu.core.management.CmdletArguments;
import io.lyncemu.core.management.CmdletException;
import io.lyncemu.core.management.CmdletOutput;
import io.lyncemu.synthetic.httpclient.LegClient;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code Test-CsXmppIM}: checks that a Lync user can send an instant message to an XMPP contact, as
 * a real client. The user signs in over the Mobility Service (web ticket with NTLM, then an MCX
 * session at {@code https://<TargetFqdn>/Mcx/McxService.svc}), sends a unique message to {@code
 * -Receiver}, and then long-polls for a bounded wait ({@code -DeliveryWait}, default {@value
 * #DEFAULT_DELIVERY_WAIT_SECONDS} s): the run succeeds when {@code sendMessage} is accepted and no
 * {@code deliveryFailed} event (docs/mcx-protocol.md) names the message within that wait. Lync's
 * cmdlet signs in over SIP; the emulator's client uses MCX, which reaches the same router and XMPP
 * gateway.
 *
 * <p>Parameters as Lync's: {@code -TargetFqdn} (or the first positional value), {@code -Receiver}
 * (an XMPP address, {@code alice@fabrikam.com}), {@code -UserSipAddress} and {@code
 * -UserCredential} (<code>DOMAIN&#92;user:password</code>; required, because the emulator has no
 * health-monitoring test users), {@code -Authentication} (Negotiate only), {@code -RegistrarPort},
 * {@code -Force}, {@code -OutLoggerVariable}, {@code -OutVerboseVariable} accepted and ignored.
 * Emulator extras: {@code -Port}, {@code -Timeout}, {@code -DeliveryWait}.
 */
public final class TestCsXmppImCmdlet implements Cmdlet {
  public static final String NAME = "Test-CsXmppIM";
  static final long DEFAULT_DELIVERY_WAIT_SECONDS = 3;
  static final String USER_AGENT = "Test-CsXmppIM (Lync Emulator)";

  private final SyntheticEnvironment environment;
  private final SecureRandom random = new SecureRandom();

  public TestCsXmppImCmdlet(SyntheticEnvironment environment) {
    this.environment = Objects.requireNonNull(environment, "environment");
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String synopsis() {
    return "Tests that a user can send an instant message to an XMPP contact.";
  }

  private record Run(
      String targetFqdn,
      String receiver,
      String userSip,
      UserCredential credential,
      Optional<Integer> port,
      Duration timeout,
      Duration deliveryWait) {}

  @Override
  public CmdletOutput invoke(CmdletArguments arguments) {
    return execute(bind(arguments)).toCmdletOutput(TaskOutput.Layout.XMPP_IM);
  }

  private Run bind(CmdletArguments arguments) {
    arguments.allow(
        NAME,
        "TargetFqdn",
        "Receiver",
        "UserSipAddress",
        "UserCredential",
        "Authentication",
        "RegistrarPort",
        "Force",
        "OutLoggerVariable",
        "OutVerboseVariable",
        "Port",
        "Timeout",
        "DeliveryWait");
    String target = SyntheticArguments.targetFqdn(arguments);
    String receiver = receiver(arguments.require("Receiver"));
    if (!arguments.has("UserSipAddress") || !arguments.has("UserCredential")) {
      throw CmdletException.invalidArgument(
          "The emulator has no health monitoring test users (New-CsHealthMonitoringConfiguration);"
              + " give -UserSipAddress and -UserCredential, e.g. -UserSipAddress"
              + " sip:kenmyer@litwareinc.com -UserCredential 'litwareinc\\kenmyer:Ken!Lync2013'.");
    }
    String userSip =
        TestCsMcxP2PimCmdlet.sipAddress("UserSipAddress", arguments.require("UserSipAddress"));
    UserCredential credential =
        UserCredential.parse("UserCredential", arguments.require("UserCredential"));
    TestCsMcxP2PimCmdlet.authentication(arguments.get("Authentication").orElse("Negotiate"));
    arguments
        .integer("RegistrarPort")
        .ifPresent(p -> TestCsMcxP2PimCmdlet.port("RegistrarPort", p));
    arguments.bool("Force");
    Optional<Integer> port =
        arguments.integer("Port").map(p -> TestCsMcxP2PimCmdlet.port("Port", p));
    Duration timeout =
        positive("Timeout", arguments.duration("Timeout"), environment.defaultTimeout());
    Duration wait =
        positive(
            "DeliveryWait",
            arguments.duration("DeliveryWait"),
            Duration.ofSeconds(DEFAULT_DELIVERY_WAIT_SECONDS));
    return new Run(target, receiver, userSip, credential, port, timeout, wait);
  }

  private static Duration positive(String parameter, Optional<Duration> value, Duration otherwise) {
    Duration d = value.orElse(otherwise);
    if (d.isZero() || d.isNegative()) {
      throw CmdletException.invalidArgument(
          "Cannot validate argument on parameter '" + parameter + "'. It must be positive.");
    }
    return d;
  }

  /** {@code alice@fabrikam.com}, also given as {@code xmpp:} or {@code sip:} URI. */
  private static String receiver(String value) {
    String v = value.trim();
    String lower = v.toLowerCase(Locale.ROOT);
    if (lower.startsWith("xmpp:") || lower.startsWith("sip:")) {
      v = v.substring(v.indexOf(':') + 1);
    }
    int slash = v.indexOf('/');
    String bare = slash < 0 ? v : v.substring(0, slash);
    int at = bare.indexOf('@');
    if (at <= 0 || at == bare.length() - 1 || bare.indexOf('@', at + 1) >= 0) {
      throw CmdletException.invalidArgument(
          "Cannot bind parameter 'Receiver'. '"
              + value
              + "' is not an XMPP address like alice@fabrikam.com.");
    }
    return bare.toLowerCase(Locale.ROOT);
  }

  private TaskOutput execute(Run run) {
    InetSocketAddress resolved;
    try {
      resolved = environment.hosts().resolve(run.targetFqdn());
    } catch (UnknownHostException e) {
      return TaskOutput.failure(
          run.targetFqdn(),
          "",
          TransactionFailure.unresolved(TransactionFailure.WEB_TICKET_SERVICE, run.targetFqdn()));
    }
    int port = run.port().orElse(resolved.getPort());
    InetSocketAddress address = new InetSocketAddress(resolved.getAddress(), port);
    String base = "https://" + run.targetFqdn() + ":" + port;
    Instant start = environment.clock().instant();
    try (LegClient leg =
        new LegClient(environment.trust(), run.targetFqdn(), address, run.timeout())) {
      String assertion =
          new WebTicketClient(
                  leg,
                  URI.create(base + WebTicketClient.PATH),
                  random,
                  environment.clock(),
                  run.timeout())
              .acquire(
                  "https://" + run.targetFqdn() + McxClient.PATH, run.userSip(), run.credential());
      McxClient client =
          new McxClient(
              leg, URI.create(base + McxClient.PATH), run.userSip(), assertion, run.timeout());
      String session = client.createSession(TestCsMcxP2PimCmdlet.DEVICE_TYPE, USER_AGENT);
      try {
        send(run, client, session);
      } catch (TransactionFailure failure) {
        if (failure.serverAnswered()) {
          endQuietly(client, session);
        }
        throw failure;
      }
      Duration latency = Duration.between(start, environment.clock().instant());
      client.endSession(session);
      return TaskOutput.success(run.targetFqdn(), "", latency);
    } catch (TransactionFailure failure) {
      return TaskOutput.failure(run.targetFqdn(), "", failure);
    }
  }

  /** Sends the message, then waits the bounded window for a failure report about it. */
  private void send(Run run, McxClient client, String session) throws TransactionFailure {
    String to = "sip:" + run.receiver();
    String messageId;
    try {
      messageId = client.sendMessage(session, to, "Test-CsXmppIM " + UUID.randomUUID());
    } catch (TransactionFailure failure) {
      throw explained(run, failure);
    }
    long deadline = System.nanoTime() + run.deliveryWait().toNanos();
    long ack = 0;
    for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
      // getEvents waits whole seconds, at least one; the window is short, so it ends on time.
      McxClient.Events events = client.getEvents(session, ack, Duration.ofNanos(left));
      for (McxClient.DeliveryFailure failed : events.failures()) {
        if (failed.messageId().equals(messageId)) {
          throw new TransactionFailure(
              "The XMPP message to " + run.receiver() + " was not delivered: " + failed.reason(),
              TransactionFailure.INNER_DIAGNOSIS
                  + "Message Id : "
                  + messageId
                  + "\nReason : "
                  + failed.reason());
        }
      }
      ack = events.next();
    }
  }

  /** The MCX refusal of the send, in words about XMPP where the error code says enough. */
  private static TransactionFailure explained(Run run, TransactionFailure failure) {
    String diagnosis = failure.diagnosis();
    if (diagnosis.contains("Error Code : FederationRefused")) {
      return new TransactionFailure(
          "The user "
              + run.userSip()
              + " is not allowed to send instant messages to XMPP contacts ("
              + run.receiver()
              + "): the XMPP gateway refused the message. Check EnableXmppAccess in the user's"
              + " external access policy, New-CsXmppAllowedPartner for the receiver's domain and"
              + " that the XMPP gateway is connected to the Edge."
              + TransactionFailure.INNER_EXCEPTION
              + failure.errorMessage(),
          diagnosis);
    }
    if (diagnosis.contains("Error Code : UnknownRecipient")) {
      return new TransactionFailure(
          run.receiver()
              + " is not an XMPP contact this deployment can reach: its domain is not an allowed"
              + " XMPP partner."
              + TransactionFailure.INNER_EXCEPTION
              + failure.errorMessage(),
          diagnosis);
    }
    return failure;
  }

  private static void endQuietly(McxClient client, String session) {
    try {
      client.endSession(session);
    } catch (TransactionFailure ignored) {
      // the run already failed for a better reason
    }
  }
}
