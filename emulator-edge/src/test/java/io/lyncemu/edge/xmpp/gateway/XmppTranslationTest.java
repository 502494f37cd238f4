package io.lyncemu.edge.xmpp.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.lyncemu.core.routing.Availability;
import io.lyncemu.core.routing.InstantMessage;
import io.lyncemu.edge.xmpp.stream.XmlElement;
import io.lyncemu.edge.xmpp.stream.XmppNamespaces;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SIP ↔ XMPP translation: addresses, messages and presence in both directions. */
class XmppTranslationTest {
  private static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");

  @Test
  void aSipUriBecomesABareJidAndBack() {
    assertThat(XmppTranslation.jidOf("sip:alice@fabrikam.com")).isEqualTo("alice@fabrikam.com");
    assertThat(XmppTranslation.jidOf("alice@fabrikam.com")).isEqualTo("alice@fabrikam.com");
    assertThat(XmppTranslation.sipUriOf("alice@fabrikam.com")).contains("sip:alice@fabrikam.com");
  }

  @Test
  void aFullJidLosesItsResourceAndAJidWithoutLocalPartHasNoSipUri() {
    assertThat(XmppTranslation.sipUriOf("alice@fabrikam.com/laptop"))
        .contains("sip:alice@fabrikam.com");
    assertThat(XmppTranslation.sipUriOf("fabrikam.com")).isEmpty();
    assertThat(XmppTranslation.sipUriOf("@fabrikam.com")).isEmpty();
    assertThat(XmppTranslation.sipUriOf(null)).isEmpty();
  }

  @Test
  void anInstantMessageBecomesAChatStanzaCarryingItsId() {
    XmlElement stanza =
        XmppTranslation.toStanza(
            new InstantMessage(
                "m1", "sip:kenmyer@litwareinc.com", "sip:alice@fabrikam.com", null, "hi", NOW));

    assertThat(stanza.name()).isEqualTo("message");
    assertThat(stanza.namespace()).isEqualTo(XmppNamespaces.SERVER);
    assertThat(stanza.attributes())
        .containsEntry("from", "kenmyer@litwareinc.com")
        .containsEntry("to", "alice@fabrikam.com")
        .containsEntry("type", "chat")
        .containsEntry("id", "m1");
    assertThat(stanza.child("body", XmppNamespaces.SERVER).orElseThrow().text()).isEqualTo("hi");
  }

  @Test
  void htmlMessagesArriveAsPlainTextBecauseTheBodyIsPlainText() {
    XmlElement stanza =
        XmppTranslation.toStanza(
            new InstantMessage(
                "m2",
                "sip:kenmyer@litwareinc.com",
                "sip:alice@fabrikam.com",
                "text/html",
                "<b>bold</b> move",
                NOW));

    assertThat(stanza.child("body", XmppNamespaces.SERVER).orElseThrow().text())
        .isEqualTo("bold move");
  }

  @Test
  void aChatOrNormalMessageWithABodyBecomesAnInstantMessage() {
    for (String type : new String[] {"chat", "normal"}) {
      InstantMessage im =
          XmppTranslation.toInstantMessage(message(type, "hello ken", "a1"), NOW).orElseThrow();

      assertThat(im.id()).isEqualTo("a1");
      assertThat(im.from()).isEqualTo("sip:alice@fabrikam.com");
      assertThat(im.to()).isEqualTo("sip:kenmyer@litwareinc.com");
      assertThat(im.contentType()).isEqualTo("text/plain");
      assertThat(im.text()).isEqualTo("hello ken");
      assertThat(im.sent()).isEqualTo(NOW);
    }
  }

  @Test
  void aMessageWithoutIdGetsOne() {
    assertThat(XmppTranslation.toInstantMessage(message("chat", "x", null), NOW).orElseThrow().id())
        .startsWith("xmpp-");
  }

  @Test
  void typingNotificationsGroupchatHeadlinesAndErrorsAreNotInstantMessages() {
    XmlElement typing =
        XmlElement.builder("message", XmppNamespaces.SERVER)
            .attr("from", "alice@fabrikam.com/laptop")
            .attr("to", "kenmyer@litwareinc.com")
            .attr("type", "chat")
            .child(XmlElement.empty("composing", "http://jabber.org/protocol/chatstates"))
            .build();

    assertThat(XmppTranslation.toInstantMessage(typing, NOW)).isEmpty();
    for (String type : new String[] {"groupchat", "headline", "error"}) {
      assertThat(XmppTranslation.toInstantMessage(message(type, "x", "i"), NOW)).isEmpty();
    }
  }

  @ParameterizedTest
  @CsvSource({"ONLINE,", "AWAY,away", "BE_RIGHT_BACK,away", "BUSY,dnd", "DO_NOT_DISTURB,dnd"})
  void localAvailabilityBecomesAPresenceShow(Availability availability, String show) {
    XmlElement presence =
        XmppTranslation.toPresence(
            "sip:kenmyer@litwareinc.com", "sip:alice@fabrikam.com", availability);

    assertThat(presence.name()).isEqualTo("presence");
    assertThat(presence.attributes())
        .containsEntry("from", "kenmyer@litwareinc.com")
        .containsEntry("to", "alice@fabrikam.com")
        .doesNotContainKey("type");
    assertThat(presence.child("show", XmppNamespaces.SERVER).map(XmlElement::text))
        .isEqualTo(java.util.Optional.ofNullable(show));
  }

  @Test
  void offlineBecomesUnavailableWithoutShow() {
    XmlElement presence =
        XmppTranslation.toPresence(
            "sip:kenmyer@litwareinc.com", "sip:alice@fabrikam.com", Availability.OFFLINE);

    assertThat(presence.attributes()).containsEntry("type", "unavailable");
    assertThat(presence.child("show", XmppNamespaces.SERVER)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "'',ONLINE",
    "chat,ONLINE",
    "away,AWAY",
    "xa,AWAY",
    "dnd,BUSY",
    "' DND ',BUSY",
    "something-else,ONLINE"
  })
  void aPartnerShowBecomesLyncAvailability(String show, Availability expected) {
    XmlElement.Builder presence = presence(null);
    if (!show.isEmpty()) {
      presence.child(XmlElement.builder("show", XmppNamespaces.SERVER).text(show));
    }

    assertThat(XmppTranslation.availabilityOf(presence.build())).contains(expected);
  }

  @Test
  void unavailableIsOfflineAndSubscriptionPresencesAreNoAvailability() {
    assertThat(XmppTranslation.availabilityOf(presence("unavailable").build()))
        .contains(Availability.OFFLINE);
    for (String type : new String[] {"subscribe", "subscribed", "unsubscribe", "probe", "error"}) {
      assertThat(XmppTranslation.availabilityOf(presence(type).build())).isEmpty();
    }
  }

  @Test
  void aSubscriptionPresenceCarriesItsType() {
    XmlElement subscribe =
        XmppTranslation.subscription(
            "sip:kenmyer@litwareinc.com", "sip:alice@fabrikam.com", "subscribe");

    assertThat(subscribe.attributes())
        .containsEntry("from", "kenmyer@litwareinc.com")
        .containsEntry("to", "alice@fabrikam.com")
        .containsEntry("type", "subscribe");
  }

  private static XmlElement message(String type, String body, String id) {
    return XmlElement.builder("message", XmppNamespaces.SERVER)
        .attr("from", "alice@fabrikam.com/laptop")
        .attr("to", "kenmyer@litwareinc.com")
        .attr("type", type)
        .attr("id", id)
        .child(XmlElement.builder("body", XmppNamespaces.SERVER).text(body))
        .build();
  }

  private static XmlElement.Builder presence(String type) {
    return XmlElement.builder("presence", XmppNamespaces.SERVER)
        .attr("from", "alice@fabrikam.com/laptop")
        .attr("to", "kenmyer@litwareinc.com")
        .attr("type", type);
  }
}
