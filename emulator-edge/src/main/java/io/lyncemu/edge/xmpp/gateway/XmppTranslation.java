package io.lyncemu.edge.xmpp.gateway;

import io.lyncemu.core.routing.Availability;
import io.lyncemu.core.routing.InstantMessage;
import io.lyncemu.core.topology.Fqdns;
import io.lyncemu.edge.xmpp.stream.XmlElement;
import io.lyncemu.edge.xmpp.stream.XmppNamespaces;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * SIP ↔ XMPP translation as the FE gateway does it: addresses ({@code sip:alice@fabrikam.com} ↔
 * bare JID {@code alice@fabrikam.com}), instant messages ↔ {@code <message type='chat'>}, and Lync
 * availability ↔ XMPP {@code <show/>} (RFC 6121 §4.7.2.1). Stateless.
 */
public final class XmppTranslation {
  private XmppTranslation() {}

  /** {@code sip:alice@fabrikam.com} → {@code alice@fabrikam.com}. */
  public static String jidOf(String sipUri) {
    return Fqdns.sipUri(sipUri).substring(4);
  }

  /** A JID (bare or full) → {@code sip:local@domain}; empty when it has no local part. */
  public static Optional<String> sipUriOf(String jid) {
    if (jid == null) {
      return Optional.empty();
    }
    String bare = jid.indexOf('/') < 0 ? jid : jid.substring(0, jid.indexOf('/'));
    if (bare.indexOf('@') <= 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(Fqdns.sipUri(bare));
    } catch (IllegalArgumentException malformed) {
      return Optional.empty();
    }
  }

  /** The outbound stanza for a Lync IM; the message id becomes the stanza id. */
  public static XmlElement toStanza(InstantMessage message) {
    return XmlElement.builder("message", XmppNamespaces.SERVER)
        .attr("from", jidOf(message.from()))
        .attr("to", jidOf(message.to()))
        .attr("type", "chat")
        .attr("id", message.id())
        .child(XmlElement.builder("body", XmppNamespaces.SERVER).text(plainText(message)))
        .build();
  }

  /**
   * The Lync IM for a partner's chat or normal message with a body; empty for anything else (typing
   * notifications, headlines, groupchat, errors) or unusable addresses.
   */
  public static Optional<InstantMessage> toInstantMessage(XmlElement stanza, Instant received) {
    String type = stanza.attribute("type").orElse("normal");
    if (!stanza.name().equals("message") || !(type.equals("chat") || type.equals("normal"))) {
      return Optional.empty();
    }
    Optional<XmlElement> body = stanza.child("body", XmppNamespaces.SERVER);
    Optional<String> from = sipUriOf(stanza.attribute("from").orElse(null));
    Optional<String> to = sipUriOf(stanza.attribute("to").orElse(null));
    if (body.isEmpty() || from.isEmpty() || to.isEmpty()) {
      return Optional.empty();
    }
    String id = stanza.attribute("id").orElse("xmpp-" + UUID.randomUUID());
    return Optional.of(
        new InstantMessage(id, from.get(), to.get(), "text/plain", body.get().text(), received));
  }

  /**
   * The presence a local user's availability becomes: Offline is {@code type='unavailable'}; Online
   * has no {@code <show/>}; Away and BeRightBack are {@code away}; Busy and DoNotDisturb are {@code
   * dnd}.
   */
  public static XmlElement toPresence(
      String fromSipUri, String toSipUri, Availability availability) {
    XmlElement.Builder presence =
        XmlElement.builder("presence", XmppNamespaces.SERVER)
            .attr("from", jidOf(fromSipUri))
            .attr("to", jidOf(toSipUri));
    String show =
        switch (availability) {
          case OFFLINE -> null;
          case ONLINE -> null;
          case AWAY, BE_RIGHT_BACK -> "away";
          case BUSY, DO_NOT_DISTURB -> "dnd";
        };
    if (availability == Availability.OFFLINE) {
      presence.attr("type", "unavailable");
    }
    if (show != null) {
      presence.child(XmlElement.builder("show", XmppNamespaces.SERVER).text(show));
    }
    return presence.build();
  }

  /**
   * A partner's availability presence (no type, or unavailable) as Lync availability: no show or
   * {@code chat} is Online, {@code away} and {@code xa} Away, {@code dnd} Busy (Lync shows XMPP
   * contacts' dnd as Busy), unavailable Offline. Empty for subscription and other presence types.
   */
  public static Optional<Availability> availabilityOf(XmlElement presence) {
    String type = presence.attribute("type").orElse("");
    if (type.equals("unavailable")) {
      return Optional.of(Availability.OFFLINE);
    }
    if (!type.isEmpty()) {
      return Optional.empty();
    }
    String show =
        presence
            .child("show", XmppNamespaces.SERVER)
            .map(s -> s.text().trim().toLowerCase(Locale.ROOT))
            .orElse("");
    return Optional.of(
        switch (show) {
          case "away", "xa" -> Availability.AWAY;
          case "dnd" -> Availability.BUSY;
          default -> Availability.ONLINE;
        });
  }

  /** A subscription presence ({@code subscribe}, {@code subscribed}, ...) between two users. */
  public static XmlElement subscription(String fromSipUri, String toSipUri, String type) {
    return XmlElement.builder("presence", XmppNamespaces.SERVER)
        .attr("from", jidOf(fromSipUri))
        .attr("to", jidOf(toSipUri))
        .attr("type", type)
        .build();
  }

  private static String plainText(InstantMessage message) {
    if (message.contentType().toLowerCase(Locale.ROOT).startsWith("text/html")) {
      // XMPP's <body> is plain text; XHTML-IM is optional and Lync's gateway sends plain text.
      return message.text().replaceAll("<[^>]*>", "");
    }
    return message.text();
  }
}
