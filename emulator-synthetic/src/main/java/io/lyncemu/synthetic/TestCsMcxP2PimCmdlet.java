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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code Test-CsMcxP2PIM}: checks that two users can exchange an instant message through the
 * Mobility Service, as a real client. For each user it gets a web ticket from {@code
 * https://<TargetFqdn>/WebTicket/WebTicketService.svc} with HTTP Negotiate (NTLM inside) and
 * creates an MCX session at {@code https://<TargetFqdn>/Mcx/McxService.svc}; then the receiver
 * long-polls for events while the sender sends a unique message, the receiver must get exactly that
 * message, and both sessions end. The first failure stops the run.
 *
 * <p>Parameters as Lync's: {@code -TargetFqdn} (or the first positional value), {@code
 * -Authentication} (only {@code Negotiate} is implemented; it is the default here), {@code
 * -SenderSipAddress}, {@code -SenderCredential}, {@code -ReceiverSipAddress}, {@code
 * -ReceiverCredential} (credentials as <code>DOMAIN&#92;user:password</code>), and {@code
 * -RegistrarPort}, {@code -Force}, {@code -OutLoggerVariable}, {@code -OutVerboseVariable},
 * accepted and ignored. Emulator extras: {@code -Port N} overrides the HTTPS port, {@code -Timeout
 * 30s} bounds each request (and the wait for the message).
 *
 * <p>Returns one {@code Microsoft.Rtc.SyntheticTransactions.TaskOutput}; the output has {@code
 * succeeded == false} when its Result is Failure. Bad parameters throw {@link CmdletException}.
 * Thread-safe: each invocation has its own connections.
 */
public final class TestCsMcxP2PimCmdlet implements Cmdlet {
  public static final String NAME = "Test-CsMcxP2PIM";

  /** What the sessions claim to be; WindowsPhone is a push-capable MCX device type. */
  static final String DEVICE_TYPE = "WindowsPhone";

  static final String USER_AGENT = "Test-CsMcxP2PIM (Lync Emulator)";

  private static final String[] AUTHENTICATION = {
    "TrustedServer", "Negotiate", "ClientCertificate", "LiveID"
  };

  private final SyntheticEnvironment environment;
  private final SecureRandom random = new SecureRandom();

  public TestCsMcxP2PimCmdlet(SyntheticEnvironment environment) {
    this.environment = Objects.requireNonNull(environment, "environment");
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String synopsis() {
    return "Tests that two users can exchange instant messages through the Mobility Service.";
  }

  /** The bound parameters of one run. */
  private record Run(
      String targetFqdn,
      String senderSip,
      UserCredential senderCredential,
      String receiverSip,
      UserCredential receiverCredential,
      Optional<Integer> port,
      Duration timeout) {}

  @Override
  public CmdletOutput invoke(CmdletArguments arguments) {
    return execute(bind(arguments)).toCmdletOutput(TaskOutput.Layout.MCX);
  }

  private Run bind(CmdletArguments arguments) {
    arguments.allow(
        NAME,
        "TargetFqdn",
        "Authentication",
        "SenderSipAddress",
        "SenderCredential",
        "ReceiverSipAddress",
        "ReceiverCredential",
        "RegistrarPort",
        "Force",
        "OutLoggerVariable",
        "OutVerboseVariable",
        "Port",
        "Timeout");
    String target = SyntheticArguments.targetFqdn(arguments);
    authentication(arguments.get("Authentication").orElse("Negotiate"));
    String senderSip = sipAddress("SenderSipAddress", arguments.require("SenderSipAddress"));
    UserCredential sender =
        UserCredential.parse("SenderCredential", arguments.require("SenderCredential"));
    String receiverSip = sipAddress("ReceiverSipAddress", arguments.require("ReceiverSipAddress"));
    UserCredential receiver =
        UserCredential.parse("ReceiverCredential", arguments.require("ReceiverCredential"));
    arguments.integer("RegistrarPort").ifPresent(p -> port("RegistrarPort", p));
    arguments.bool("Force");
    Optional<Integer> port = arguments.integer("Port").map(p -> port("Port", p));
    Duration timeout = arguments.duration("Timeout").orElse(environment.defaultTimeout());
    if (timeout.isZero() || timeout.isNegative()) {
      throw CmdletException.invalidArgument(
          "Cannot validate argument on parameter 'Timeout'. The timeout must be positive.");
    }
    return new Run(target, senderSip, sender, receiverSip, receiver, port, timeout);
  }

  static void authentication(String value) {
    for (String mechanism : AUTHENTICATION) {
      if (mechanism.equalsIgnoreCase(value.trim())) {
        if (mechanism.equals("Negotiate")) {
          return;
        }
        throw new CmdletException(
            "NotImplemented",
            "The Lync Emulator's synthetic transaction client does not implement the '"
                + mechanism
                + "' authentication mechanism. Use -Authentication Negotiate.");
      }
    }
    throw CmdletException.invalidArgument(
        "Cannot validate argument on parameter 'Authentication'. The argument \""
            + value
            + "\" does not belong to the set \""
            + String.join(",", AUTHENTICATION)
            + "\" specified by the ValidateSet attribute. Supply an argument that is in the set"
            + " and then try the command again.");
  }

  static String sipAddress(String parameter, String value) {
    String v = value.trim();
    String uri =
        v.toLowerCase(Locale.ROOT).startsWith("sip:") ? "sip:" + v.substring(4) : "sip:" + v;
    int at = uri.indexOf('@');
    if (at <= 4 || at == uri.length() - 1) {
      throw CmdletException.invalidArgument(
          "Cannot bind parameter '"
              + parameter
              + "'. '"
              + value
              + "' is not a SIP address like sip:kenmyer@litwareinc.com.");
    }
    return uri;
  }

  static int port(String parameter, long value) {
    if (value < 1 || value > 65_535) {
      throw CmdletException.invalidArgument(
          "Cannot validate argument on parameter '"
              + parameter
              + "'. The "
              + value
              + " argument is greater than the maximum allowed range of 65535 or less than 1.");
    }
    return (int) value;
  }

  private TaskOutput execute(Run run) {
    InetSocketAddress resolved;
    try {
      resolved = environment.hosts().resolve(run.targetFqdn());
    } catch (UnknownHostException e) {
      String uri = targetUri(run.targetFqdn(), run.port().orElse(HostResolver.HTTPS_PORT));
      return TaskOutput.failure(
          run.targetFqdn(),
          uri,
          TransactionFailure.unresolved(TransactionFailure.WEB_TICKET_SERVICE, run.targetFqdn()));
    }
    int port = run.port().orElse(resolved.getPort());
    InetSocketAddress address = new InetSocketAddress(resolved.getAddress(), port);
    String base = "https://" + run.targetFqdn() + ":" + port;
    String targetUri = targetUri(run.targetFqdn(), port);
    Instant start = environment.clock().instant();
    try (LegClient senderLeg = leg(run, address);
        LegClient receiverLeg = leg(run, address)) {
      new Transaction(run, base, senderLeg, receiverLeg).run();
      Duration latency = Duration.between(start, environment.clock().instant());
      return TaskOutput.success(run.targetFqdn(), targetUri, latency);
    } catch (TransactionFailure failure) {
      return TaskOutput.failure(run.targetFqdn(), targetUri, failure);
    }
  }

  private LegClient leg(Run run, InetSocketAddress address) {
    return new LegClient(environment.trust(), run.targetFqdn(), address, run.timeout());
  }

  private static String targetUri(String fqdn, int port) {
    return "https://" + fqdn + ":" + port + "/mcx";
  }

  /** One run's steps over the sender's and the receiver's connections. */
  private final class Transaction {
    private final Run run;
    private final URI webTicket;
    private final URI mcx;
    private final String appliesTo;
    private final LegClient senderLeg;
    private final LegClient receiverLeg;

    Transaction(Run run, String base, LegClient senderLeg, LegClient receiverLeg) {
      this.run = run;
      this.webTicket = URI.create(base + WebTicketClient.PATH);
      this.mcx = URI.create(base + McxClient.PATH);
      this.appliesTo = "https://" + run.targetFqdn() + McxClient.PATH;
      this.senderLeg = senderLeg;
      this.receiverLeg = receiverLeg;
    }

    void run() throws TransactionFailure {
      McxClient sender = signIn(senderLeg, run.senderSip(), run.senderCredential());
      McxClient receiver = signIn(receiverLeg, run.receiverSip(), run.receiverCredential());
      String senderSession = sender.createSession(DEVICE_TYPE, USER_AGENT);
      String receiverSession;
      try {
        receiverSession = receiver.createSession(DEVICE_TYPE, USER_AGENT);
      } catch (TransactionFailure failure) {
        endQuietly(sender, senderSession, failure);
        throw failure;
      }
      try {
        exchange(sender, senderSession, receiver, receiverSession);
      } catch (TransactionFailure failure) {
        endQuietly(sender, senderSession, failure);
        endQuietly(receiver, receiverSession, failure);
        throw failure;
      }
      sender.endSession(senderSession);
      receiver.endSession(receiverSession);
    }

    private McxClient signIn(LegClient leg, String sipUri, UserCredential credential)
        throws TransactionFailure {
      String assertion =
          new WebTicketClient(leg, webTicket, random, environment.clock(), run.timeout())
              .acquire(appliesTo, sipUri, credential);
      return new McxClient(leg, mcx, sipUri, assertion, run.timeout());
    }

    private void exchange(
        McxClient sender, String senderSession, McxClient receiver, String receiverSession)
        throws TransactionFailure {
      String text = "Test-CsMcxP2PIM " + UUID.randomUUID();
      long deadline = System.nanoTime() + run.timeout().toNanos();
      ExecutorService poller =
          Executors.newSingleThreadExecutor(
              task -> {
                Thread thread = new Thread(task, "lyncemu-synthetic-getEvents");
                thread.setDaemon(true);
                return thread;
              });
      try {
        // The receiver is already waiting when the message goes out, as a signed-in phone would.
        CompletableFuture<Optional<McxClient.Message>> received =
            CompletableFuture.supplyAsync(
                () -> awaitMessage(receiver, receiverSession, text, deadline), poller);
        String messageId;
        try {
          messageId = sender.sendMessage(senderSession, run.receiverSip(), text);
        } catch (TransactionFailure failure) {
          // Nobody will read the poll's answer: cut the receiver's connection instead of waiting.
          receiverLeg.close();
          throw failure;
        }
        Optional<McxClient.Message> message = join(received, messageId);
        if (message.isEmpty()
            || (!message.get().id().isEmpty() && !message.get().id().equals(messageId))
            || !message.get().from().isEmpty()
                && !message.get().from().equalsIgnoreCase(run.senderSip())) {
          throw TransactionFailure.notReceived(run.receiverSip(), run.senderSip(), messageId);
        }
      } finally {
        poller.shutdownNow();
      }
    }

    private Optional<McxClient.Message> awaitMessage(
        McxClient receiver, String session, String text, long deadline) {
      long ack = 0;
      try {
        for (long left = deadline - System.nanoTime();
            left > 0;
            left = deadline - System.nanoTime()) {
          McxClient.Events events = receiver.getEvents(session, ack, Duration.ofNanos(left));
          for (McxClient.Message message : events.messages()) {
            if (message.text().equals(text)) {
              return Optional.of(message);
            }
          }
          ack = events.next();
        }
        return Optional.empty();
      } catch (TransactionFailure failure) {
        throw new PollFailure(failure);
      }
    }

    private Optional<McxClient.Message> join(
        CompletableFuture<Optional<McxClient.Message>> received, String messageId)
        throws TransactionFailure {
      // The poll ends by itself (its HTTP timeout is the wait plus the request timeout); this
      // bound only guards against a server that trickles bytes forever.
      long bound = run.timeout().multipliedBy(3).toMillis();
      try {
        return received.get(bound, TimeUnit.MILLISECONDS);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof PollFailure poll) {
          throw poll.failure;
        }
        throw new IllegalStateException("getEvents poll failed", e.getCause());
      } catch (TimeoutException e) {
        receiverLeg.close();
        throw TransactionFailure.notReceived(run.receiverSip(), run.senderSip(), messageId);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        receiverLeg.close();
        throw TransactionFailure.notReceived(run.receiverSip(), run.senderSip(), messageId);
      }
    }

    /** Ends a session after a failure; its own failure must not hide the first one. */
    private void endQuietly(McxClient client, String session, TransactionFailure cause) {
      if (!cause.serverAnswered()) {
        return;
      }
      try {
        client.endSession(session);
      } catch (TransactionFailure ignored) {
        // The run already failed for a better reason.
      }
    }
  }

  /** Carries a poll's failure out of the poller thread. */
  private static final class PollFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient TransactionFailure failure;

    PollFailure(TransactionFailure failure) {
      super(failure.getMessage(), failure, false, false);
      this.failure = failure;
    }
  }
}
