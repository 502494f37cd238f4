package io.lyncemu.synthetic;

import io.lyncemu.synthetic.httpclient.HttpFailure;
import io.lyncemu.synthetic.httpclient.HttpReply;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a synthetic transaction stopped, as its TaskOutput reports it: the Error Message (an outer
 * sentence, then one {@code Inner Exception:} line per nested .NET exception) and the Diagnosis
 * ({@code Inner Diagnosis:} then {@code Name : Value} lines).
 *
 * <p>Only the Web-Ticket 401 with scheme 'Ntlm' is Lync's own text (the Test-CsMcxP2PIM
 * troubleshooting page); every other text here is the emulator's, modelled on .NET and WCF wording
 * and listed in {@code docs/synthetic-transactions.md}. Thrown inside the transaction to stop it at
 * the first failure; never escapes the cmdlet.
 */
final class TransactionFailure extends Exception {
  private static final long serialVersionUID = 1L;

  static final String WEB_TICKET_SERVICE = "Web-Ticket service";
  static final String MOBILITY_SERVICE = "Mobility Service";
  static final String INNER_EXCEPTION = "\nInner Exception:";
  static final String INNER_DIAGNOSIS = "Inner Diagnosis:";

  private final String errorMessage;
  private final String diagnosis;
  private final boolean serverAnswered;

  TransactionFailure(String errorMessage, String diagnosis) {
    this(errorMessage, diagnosis, true);
  }

  private TransactionFailure(String errorMessage, String diagnosis, boolean serverAnswered) {
    super(errorMessage);
    this.errorMessage = Objects.requireNonNull(errorMessage, "errorMessage");
    this.diagnosis = Objects.requireNonNull(diagnosis, "diagnosis");
    this.serverAnswered = serverAnswered;
  }

  /**
   * False when no HTTP answer came (refused, timeout, broken connection): cleaning up over the same
   * path would only wait for the same failure again.
   */
  boolean serverAnswered() {
    return serverAnswered;
  }

  private TransactionFailure withoutAnswer() {
    return new TransactionFailure(errorMessage, diagnosis, false);
  }

  String errorMessage() {
    return errorMessage;
  }

  String diagnosis() {
    return diagnosis;
  }

  /** {@code No response received for <service>.} followed by the inner exceptions. */
  static TransactionFailure noResponse(String service, String diagnosis, String... inner) {
    StringBuilder message =
        new StringBuilder("No response received for ").append(service).append('.');
    for (String line : inner) {
      message.append(INNER_EXCEPTION).append(line);
    }
    return new TransactionFailure(message.toString(), diagnosis);
  }

  /**
   * The WCF failure after a 401: {@code scheme} is what the client used ('Ntlm' once Negotiate ran
   * NTLM, 'Negotiate' when the server never offered it), {@code offered} the WWW-Authenticate
   * headers as .NET joins them.
   */
  static TransactionFailure unauthorized(String scheme, HttpReply reply) {
    String offered = String.join(",", reply.all("WWW-Authenticate"));
    return noResponse(
        WEB_TICKET_SERVICE,
        headerDiagnosis(reply),
        "The HTTP request is unauthorized with client negotiation scheme '"
            + scheme
            + "'. The authentication header received from the server was '"
            + offered
            + "'.",
        remoteServerError(reply));
  }

  /** A SOAP fault from the Web Ticket service: its {@code af:Reason} (or faultstring). */
  static TransactionFailure webTicketFault(String reason, HttpReply reply) {
    String diagnosis =
        reply
            .first("X-Ms-diagnostics")
            .map(value -> INNER_DIAGNOSIS + "X-Ms-diagnostics : " + value)
            .orElse("");
    return noResponse(WEB_TICKET_SERVICE, diagnosis, reason);
  }

  /** Any other HTTP error status, e.g. a 404 or a 503 in front of the service. */
  static TransactionFailure httpError(String service, HttpReply reply) {
    return noResponse(service, headerDiagnosis(reply), remoteServerError(reply));
  }

  /** A 200 that is not what the service should answer (no ticket, unreadable XML …). */
  static TransactionFailure unreadable(String service, String what, HttpReply reply) {
    return noResponse(
        service, headerDiagnosis(reply), "The response could not be understood: " + what + ".");
  }

  /** No HTTP answer at all: refused, timed out, TLS trust, broken connection. */
  static TransactionFailure transport(String service, HttpFailure failure) {
    return transportText(service, failure).withoutAnswer();
  }

  private static TransactionFailure transportText(String service, HttpFailure failure) {
    return switch (failure.kind()) {
      case REFUSED ->
          noResponse(
              service,
              "",
              "Unable to connect to the remote server",
              "No connection could be made because the target machine actively refused it "
                  + endpoint(failure.address()));
      case TIMEOUT -> noResponse(service, "", "The operation has timed out");
      case TLS ->
          noResponse(
              service,
              failure.detail().map(d -> INNER_DIAGNOSIS + "TLS : " + d).orElse(""),
              "The underlying connection was closed: Could not establish trust relationship for"
                  + " the SSL/TLS secure channel.",
              "The remote certificate is invalid according to the validation procedure.");
      case UNRESOLVED -> unresolved(service, failure.address().getHostString());
      case CLOSED ->
          noResponse(
              service,
              failure.detail().map(d -> INNER_DIAGNOSIS + "Transport : " + d).orElse(""),
              "The underlying connection was closed: An unexpected error occurred on a receive.");
    };
  }

  static TransactionFailure unresolved(String service, String host) {
    return noResponse(service, "", "The remote name could not be resolved: '" + host + "'");
  }

  /**
   * An MCX error answer: {@code Mobility Service returned an error for <uri>.} with the HTTP status
   * as .NET words it, and the MCX error code and reason in the Diagnosis.
   */
  static TransactionFailure mcxError(
      String sipUri, HttpReply reply, Optional<String> code, Optional<String> reason) {
    List<String> lines = new ArrayList<>();
    code.ifPresent(c -> lines.add("Error Code : " + c));
    reason.ifPresent(r -> lines.add("Reason : " + r));
    reply.first("X-Ms-diagnostics").ifPresent(d -> lines.add("X-Ms-diagnostics : " + d));
    return new TransactionFailure(
        "Mobility Service returned an error for "
            + sipUri
            + "."
            + INNER_EXCEPTION
            + remoteServerError(reply),
        lines.isEmpty() ? "" : INNER_DIAGNOSIS + String.join("\n", lines));
  }

  static TransactionFailure notReceived(String receiver, String sender, String messageId) {
    return new TransactionFailure(
        "The receiver " + receiver + " did not receive the instant message sent by " + sender + ".",
        INNER_DIAGNOSIS + "Message Id : " + messageId);
  }

  private static String remoteServerError(HttpReply reply) {
    return "The remote server returned an error: "
        + StatusDescriptions.of(reply.status(), reply.reasonPhrase())
        + ".";
  }

  /**
   * {@code Inner Diagnosis:} then the response headers as .NET's WebHeaderCollection prints them:
   * {@code Name : Value} in wire order, a repeated header once with its values joined by commas.
   */
  static String headerDiagnosis(HttpReply reply) {
    Map<String, String> names = new LinkedHashMap<>();
    Map<String, List<String>> values = new LinkedHashMap<>();
    for (Map.Entry<String, String> header : reply.headers()) {
      String key = header.getKey().toLowerCase(Locale.ROOT);
      names.putIfAbsent(key, header.getKey());
      values.computeIfAbsent(key, k -> new ArrayList<>()).add(header.getValue());
    }
    List<String> lines = new ArrayList<>();
    names.forEach((key, name) -> lines.add(name + " : " + String.join(",", values.get(key))));
    return INNER_DIAGNOSIS + String.join("\n", lines);
  }

  private static String endpoint(InetSocketAddress address) {
    String ip =
        address.getAddress() == null
            ? address.getHostString()
            : address.getAddress().getHostAddress();
    return (ip.contains(":") ? "[" + ip + "]" : ip) + ":" + address.getPort();
  }
}
