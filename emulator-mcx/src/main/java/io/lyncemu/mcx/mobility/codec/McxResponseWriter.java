package io.lyncemu.mcx.mobility.codec;

import io.lyncemu.mcx.mobility.ContactPresence;
import io.lyncemu.mcx.mobility.EventBatch;
import io.lyncemu.mcx.mobility.McxEvent;
import io.lyncemu.mcx.mobility.McxRefusal;
import io.lyncemu.mcx.mobility.MessageSent;
import io.lyncemu.mcx.mobility.SessionInfo;
import java.util.List;

/**
 * Writes MCX answers (docs/mcx-protocol.md): {@code <response xmlns="urn:lyncemu:mcx:1"
 * status="…">} around one answer element, UTF-8 encoded. Stateless and thread-safe.
 */
public final class McxResponseWriter {
  /** The media type of every MCX body, requests and answers alike. */
  public static final String CONTENT_TYPE = "application/vnd.lyncemu.mcx+xml; charset=utf-8";

  private static final int OK = 200;

  /** {@code <session id sipUri expires expirationInterval/>}, the answer to createSession. */
  public byte[] session(SessionInfo session) {
    return response(OK)
        .empty("session")
        .attribute("id", session.id())
        .attribute("sipUri", session.sipUri())
        .attribute("expires", session.expires())
        .attribute("expirationInterval", session.expirationInterval().toSeconds())
        .end()
        .finish();
  }

  /** {@code <ok/>}: publishPresence, setBackground, endSession. */
  public byte[] ok() {
    return response(OK).empty("ok").end().finish();
  }

  /** One {@code <presence uri availability/>} per contact: the answer to subscribePresence. */
  public byte[] presence(List<ContactPresence> contacts) {
    XmlOut out = response(OK);
    for (ContactPresence contact : contacts) {
      out.empty("presence")
          .attribute("uri", contact.uri())
          .attribute("availability", contact.availability().wireName());
    }
    return out.end().finish();
  }

  /** {@code <sent messageId endpoints/>}: the answer to sendMessage. */
  public byte[] sent(MessageSent sent) {
    return response(OK)
        .empty("sent")
        .attribute("messageId", sent.messageId())
        .attribute("endpoints", sent.endpoints())
        .end()
        .finish();
  }

  /**
   * {@code <events next=…>} with the batch, or an empty {@code <events/>} (no {@code next}: the
   * device keeps its ack) when the long poll ended with nothing new.
   */
  public byte[] events(EventBatch batch) {
    XmlOut out = response(OK);
    if (batch.isEmpty()) {
      return out.empty("events").end().finish();
    }
    out.start("events").attribute("next", batch.next());
    for (McxEvent event : batch.events()) {
      if (event instanceof McxEvent.MessageReceived received) {
        out.start("message")
            .attribute("id", received.message().id())
            .attribute("from", received.message().from())
            .attribute("to", received.message().to())
            .attribute("contentType", received.message().contentType())
            .attribute("sent", received.message().sent())
            .text(received.message().text())
            .end();
      } else if (event instanceof McxEvent.PresenceChanged changed) {
        out.empty("presence")
            .attribute("uri", changed.uri())
            .attribute("availability", changed.availability().wireName());
      } else if (event instanceof McxEvent.DeliveryFailed failed) {
        out.empty("deliveryFailed")
            .attribute("messageId", failed.messageId())
            .attribute("to", failed.to())
            .attribute("reason", failed.reason());
      }
    }
    return out.end().end().finish();
  }

  /** {@code <response status=…><error code reason/></response>} with the code's HTTP status. */
  public byte[] error(McxRefusal refusal) {
    return response(refusal.error().httpStatus())
        .empty("error")
        .attribute("code", refusal.error().code())
        .attribute("reason", refusal.reason())
        .end()
        .finish();
  }

  private static XmlOut response(int status) {
    return new XmlOut().root("response").attribute("status", status);
  }
}
