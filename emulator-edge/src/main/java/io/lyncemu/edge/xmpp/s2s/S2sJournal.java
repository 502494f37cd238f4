package io.lyncemu.edge.xmpp.s2s;

import io.lyncemu.core.journal.EventJournal;
import io.lyncemu.core.journal.EventKind;
import io.lyncemu.core.journal.NewEvent;
import io.lyncemu.edge.xmpp.stream.XmlElement;
import java.util.function.BooleanSupplier;

/**
 * The s2s side's journal entries. Every entry carries the stream's connection id and direction
 * ({@code inbound}: a partner dialled us; {@code outbound}: we dialled a partner). Message bodies
 * are recorded only when EnableLoggingAllMessageBodies is on, as Lync logs them.
 */
final class S2sJournal {
  static final String COMPONENT = "xmpp-s2s";

  private final EventJournal journal;
  private final BooleanSupplier logBodies;

  S2sJournal(EventJournal journal, BooleanSupplier logBodies) {
    this.journal = journal;
    this.logBodies = logBodies;
  }

  private NewEvent event(EventKind kind, String connection, String peer, String direction) {
    return NewEvent.of(COMPONENT, kind)
        .withConnection(connection)
        .withPeer(peer)
        .with("direction", direction);
  }

  void opened(String connection, String peer, String direction, String from, String to) {
    journal.record(
        event(EventKind.XMPP_STREAM_OPENED, connection, peer, direction)
            .with("from", from)
            .with("to", to));
  }

  void closed(String connection, String peer, String direction, String reason) {
    journal.record(
        event(EventKind.XMPP_STREAM_CLOSED, connection, peer, direction).with("reason", reason));
  }

  void error(String connection, String peer, String direction, String condition, String text) {
    journal.record(
        event(EventKind.XMPP_STREAM_ERROR, connection, peer, direction)
            .with("condition", condition)
            .with("text", text == null ? "" : text));
  }

  /**
   * A dialback step. {@code role}: {@code result} (a db:result was answered), {@code verify} (we
   * answered a db:verify as the authoritative server) or {@code verify-request} (we asked one).
   */
  void dialback(
      String connection,
      String peer,
      String direction,
      String role,
      String originating,
      String receiving,
      String result) {
    journal.record(
        event(EventKind.XMPP_DIALBACK, connection, peer, direction)
            .with("role", role)
            .with("originating", originating)
            .with("receiving", receiving)
            .with("result", result));
  }

  void stanza(String connection, String peer, String direction, XmlElement stanza) {
    NewEvent e =
        event(EventKind.XMPP_STANZA, connection, peer, direction)
            .with("stanza", stanza.name())
            .with("type", stanza.attribute("type").orElse(""))
            .with("from", stanza.attribute("from").orElse(""))
            .with("to", stanza.attribute("to").orElse(""));
    if (logBodies.getAsBoolean()) {
      String body =
          stanza.children().stream()
              .filter(c -> c.name().equals("body"))
              .map(XmlElement::text)
              .findFirst()
              .orElse("");
      e = e.with("body", body);
    }
    journal.record(e);
  }
}
