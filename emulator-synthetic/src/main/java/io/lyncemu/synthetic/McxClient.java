package io.lyncemu.synthetic;

import io.lyncemu.synthetic.httpclient.HttpFailure;
import io.lyncemu.synthetic.httpclient.HttpReply;
import io.lyncemu.synthetic.httpclient.LegClient;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * One user's side of the emulator-defined MCX message set ({@code docs/mcx-protocol.md}) on the
 * Mobility Service: every request carries the user's web ticket as {@code X-MS-WebTicket:
 * opaque=…}; any status but 200 stops the transaction with the MCX error code and reason. Not
 * thread-safe: one per leg.
 */
final class McxClient {
  static final String PATH = "/Mcx/McxService.svc";
  static final String NAMESPACE = "urn:lyncemu:mcx:1";
  static final String CONTENT_TYPE = "application/vnd.lyncemu.mcx+xml; charset=utf-8";

  /** A received instant message, as a getEvents answer carries it. */
  record Message(String id, String from, String to, String text) {}

  /** One getEvents answer: the messages in it and the ack for the next poll. */
  record Events(List<Message> messages, List<DeliveryFailure> failures, long next) {
    Events(List<Message> messages, long next) {
      this(messages, List.of(), next);
    }
  }

  /** The emulator-defined {@code <deliveryFailed messageId to reason/>} event. */
  record DeliveryFailure(String messageId, String to, String reason) {}

  private final LegClient leg;
  private final URI service;
  private final String sipUri;
  private final String ticketHeader;
  private final Duration timeout;

  McxClient(LegClient leg, URI service, String sipUri, String assertion, Duration timeout) {
    this.leg = Objects.requireNonNull(leg, "leg");
    this.service = Objects.requireNonNull(service, "service");
    this.sipUri = Objects.requireNonNull(sipUri, "sipUri");
    this.ticketHeader =
        "opaque=" + Base64.getEncoder().encodeToString(assertion.getBytes(StandardCharsets.UTF_8));
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  /**
   * @return the session id
   */
  String createSession(String deviceType, String userAgent) throws TransactionFailure {
    Element answer =
        call(
            "<createSession xmlns=\""
                + NAMESPACE
                + "\" deviceType=\""
                + WsTrustMessages.escape(deviceType)
                + "\" userAgent=\""
                + WsTrustMessages.escape(userAgent)
                + "\"/>",
            "session",
            timeout);
    return required(answer, "id");
  }

  /**
   * @return the message id the service assigned
   */
  String sendMessage(String session, String to, String text) throws TransactionFailure {
    Element answer =
        call(
            "<sendMessage xmlns=\""
                + NAMESPACE
                + "\" session=\""
                + WsTrustMessages.escape(session)
                + "\" to=\""
                + WsTrustMessages.escape(to)
                + "\">"
                + WsTrustMessages.escape(text)
                + "</sendMessage>",
            "sent",
            timeout);
    return required(answer, "messageId");
  }

  /**
   * A long poll: the service holds it up to {@code wait} when nothing is pending, so the HTTP
   * timeout is the wait plus the per-request timeout.
   */
  Events getEvents(String session, long ack, Duration wait) throws TransactionFailure {
    long seconds = Math.max(1, Math.min(300, wait.toSeconds()));
    Element events =
        call(
            "<getEvents xmlns=\""
                + NAMESPACE
                + "\" session=\""
                + WsTrustMessages.escape(session)
                + "\" ack=\""
                + ack
                + "\" timeoutSeconds=\""
                + seconds
                + "\"/>",
            "events",
            timeout.plusSeconds(seconds));
    long next = ack;
    String nextText = events.getAttribute("next");
    if (!nextText.isEmpty()) {
      try {
        next = Long.parseLong(nextText.trim());
      } catch (NumberFormatException e) {
        throw new TransactionFailure(
            "Mobility Service returned an error for "
                + sipUri
                + "."
                + TransactionFailure.INNER_EXCEPTION
                + "The response could not be understood: events next=\""
                + nextText
                + "\" is not a number.",
            "");
      }
    }
    List<Message> messages = new ArrayList<>();
    List<DeliveryFailure> failures = new ArrayList<>();
    for (Node n = events.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e
          && NAMESPACE.equals(e.getNamespaceURI())
          && "deliveryFailed".equals(e.getLocalName())) {
        failures.add(
            new DeliveryFailure(
                e.getAttribute("messageId"), e.getAttribute("to"), e.getAttribute("reason")));
      }
      if (n instanceof Element e
          && NAMESPACE.equals(e.getNamespaceURI())
          && "message".equals(e.getLocalName())) {
        messages.add(
            new Message(
                e.getAttribute("id"),
                e.getAttribute("from"),
                e.getAttribute("to"),
                e.getTextContent()));
      }
    }
    return new Events(messages, failures, next);
  }

  void endSession(String session) throws TransactionFailure {
    call(
        "<endSession xmlns=\""
            + NAMESPACE
            + "\" session=\""
            + WsTrustMessages.escape(session)
            + "\"/>",
        "ok",
        timeout);
  }

  private Element call(String request, String answerElement, Duration responseTimeout)
      throws TransactionFailure {
    HttpReply reply;
    try {
      reply =
          leg.post(
              service,
              List.of(Map.entry("X-MS-WebTicket", ticketHeader)),
              CONTENT_TYPE,
              request.getBytes(StandardCharsets.UTF_8),
              responseTimeout);
    } catch (HttpFailure e) {
      throw TransactionFailure.transport(TransactionFailure.MOBILITY_SERVICE, e);
    }
    Optional<Document> doc = XmlDocuments.parse(reply.body());
    if (reply.status() != 200) {
      Optional<Element> error = doc.flatMap(d -> XmlDocuments.first(d, NAMESPACE, "error"));
      throw TransactionFailure.mcxError(
          sipUri,
          reply,
          error.map(e -> e.getAttribute("code")).filter(s -> !s.isEmpty()),
          error.map(e -> e.getAttribute("reason")).filter(s -> !s.isEmpty()));
    }
    return doc.flatMap(d -> XmlDocuments.first(d, NAMESPACE, answerElement))
        .orElseThrow(
            () ->
                TransactionFailure.unreadable(
                    TransactionFailure.MOBILITY_SERVICE,
                    "no " + answerElement + " element in the answer",
                    reply));
  }

  private String required(Element element, String attribute) throws TransactionFailure {
    String value = element.getAttribute(attribute);
    if (value.isEmpty()) {
      throw new TransactionFailure(
          "Mobility Service returned an error for "
              + sipUri
              + "."
              + TransactionFailure.INNER_EXCEPTION
              + "The response could not be understood: "
              + element.getLocalName()
              + " has no "
              + attribute
              + ".",
          "");
    }
    return value;
  }
}
