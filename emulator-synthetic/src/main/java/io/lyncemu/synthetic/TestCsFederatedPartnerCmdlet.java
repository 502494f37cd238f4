package io.lyncemu.synthetic;

import io.lyncemu.core.management.Cmdlet;
import io.lyncemu.core.management.CmdletArguments;
import io.lyncemu.core.management.CmdletException;
import io.lyncemu.core.management.CmdletOutput;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code Test-CsFederatedPartner}: checks that the Access Edge can reach a federated partner, as a
 * real client. It opens a TLS connection to the Edge's internal FQDN ({@code -TargetFqdn}, port
 * 5061 or wherever the emulator bound it) and sends {@code OPTIONS sip:<Domain>}; the Edge applies
 * its federation rules and relays the partner edge's answer. 2xx is Success; anything else is
 * Failure with {@code Error : <code>, <reason>} and the ms-diagnostics as {@code Diagnosis :
 * ErrorCode=…, Source=…, Reason=…}.
 *
 * <p>Parameters as Lync's: {@code -TargetFqdn} (or the first positional value), {@code -Domain},
 * {@code -ProxyFqdn} (accepted; the Edge routes by its own configuration, as Lync's does), {@code
 * -Certificate}, {@code -Force}, {@code -OutLoggerVariable}, {@code -OutVerboseVariable} (accepted
 * and ignored). Emulator extras: {@code -Port N}, {@code -Transport Tls|Tcp} (Tcp needs {@code
 * -Port}: the emulator's plain listener), {@code -Timeout 30s}. Thread-safe.
 */
public final class TestCsFederatedPartnerCmdlet implements Cmdlet {
  public static final String NAME = "Test-CsFederatedPartner";
  static final int SIP_TLS_PORT = 5061;
  private static final Pattern DIAGNOSTIC_CODE = Pattern.compile("^\\s*(\\d+)");
  private static final Pattern FIELD =
      Pattern.compile("([A-Za-z0-9-]+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  private final SyntheticEnvironment environment;

  public TestCsFederatedPartnerCmdlet(SyntheticEnvironment environment) {
    this.environment = Objects.requireNonNull(environment, "environment");
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String synopsis() {
    return "Tests that the Access Edge can reach a federated partner domain.";
  }

  @Override
  public CmdletOutput invoke(CmdletArguments arguments) {
    arguments.allow(
        NAME,
        "TargetFqdn",
        "Domain",
        "ProxyFqdn",
        "Certificate",
        "Force",
        "OutLoggerVariable",
        "OutVerboseVariable",
        "Port",
        "Transport",
        "Timeout");
    String target = SyntheticArguments.targetFqdn(arguments);
    String domain = arguments.require("Domain").trim().toLowerCase(Locale.ROOT);
    arguments.get("ProxyFqdn");
    arguments.bool("Force");
    String transport = arguments.get("Transport").orElse("Tls").trim();
    boolean tls;
    if (transport.equalsIgnoreCase("Tls")) {
      tls = true;
    } else if (transport.equalsIgnoreCase("Tcp")) {
      tls = false;
    } else {
      throw CmdletException.invalidArgument(
          "Cannot validate argument on parameter 'Transport'. Use Tls or Tcp.");
    }
    Optional<Integer> port = arguments.integer("Port").map(p -> (int) (long) p);
    if (!tls && port.isEmpty()) {
      throw CmdletException.invalidArgument(
          "-Transport Tcp needs -Port: the Access Edge's TCP listener is an emulator extra.");
    }
    Duration timeout = arguments.duration("Timeout").orElse(environment.defaultTimeout());
    return run(target, domain, tls, port, timeout)
        .toCmdletOutput(TaskOutput.Layout.FEDERATED_PARTNER);
  }

  private TaskOutput run(
      String target, String domain, boolean tls, Optional<Integer> port, Duration timeout) {
    InetSocketAddress address;
    try {
      InetSocketAddress resolved = environment.hosts().resolve(target);
      address = new InetSocketAddress(resolved.getAddress(), port.orElse(resolved.getPort()));
    } catch (UnknownHostException e) {
      return failure(target, "No such host is known: " + target, "");
    }
    Instant start = environment.clock().instant();
    SipOptionsProbe.Answer answer;
    try {
      answer =
          SipOptionsProbe.options(
              environment.trust(),
              tls,
              target,
              address,
              "sip:TestFederatedPartner@" + target.toLowerCase(Locale.ROOT),
              "sip:" + domain,
              timeout);
    } catch (IOException e) {
      return failure(
          target,
          "Unable to establish a connection to "
              + target
              + ":"
              + address.getPort()
              + ". "
              + e.getMessage(),
          "");
    }
    if (answer.status() >= 200 && answer.status() < 300) {
      return TaskOutput.success(target, "", Duration.between(start, environment.clock().instant()));
    }
    return failure(
        target,
        answer.status() + ", " + answer.reason(),
        diagnosis(answer.msDiagnostics(), target));
  }

  private static TaskOutput failure(String target, String error, String diagnosis) {
    return TaskOutput.failure(target, "", error, diagnosis);
  }

  /** {@code ErrorCode=2, Source=<edge>, Reason=See response code and reason phrase.} */
  static String diagnosis(String msDiagnostics, String target) {
    if (msDiagnostics.isBlank()) {
      return "";
    }
    Matcher code = DIAGNOSTIC_CODE.matcher(msDiagnostics);
    Map<String, String> fields = new LinkedHashMap<>();
    Matcher field = FIELD.matcher(msDiagnostics);
    while (field.find()) {
      fields.putIfAbsent(
          field.group(1).toLowerCase(Locale.ROOT), field.group(2).replaceAll("\\\\(.)", "$1"));
    }
    String reason = fields.getOrDefault("reason", "");
    if (!reason.isEmpty() && !reason.endsWith(".")) {
      reason = reason + ".";
    }
    return "ErrorCode="
        + (code.find() ? code.group(1) : "0")
        + ", Source="
        + fields.getOrDefault("source", target)
        + ", Reason="
        + reason
        + "\nMicrosoft.Rtc.Signaling.DiagnosticHeader";
  }
}
