package io.lyncemu.mcx.mobility.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.lyncemu.core.routing.Availability;
import io.lyncemu.core.routing.InstantMessage;
import io.lyncemu.mcx.mobility.ContactPresence;
import io.lyncemu.mcx.mobility.DeviceRegistration;
import io.lyncemu.mcx.mobility.DeviceType;
import io.lyncemu.mcx.mobility.EventBatch;
import io.lyncemu.mcx.mobility.McxError;
import io.lyncemu.mcx.mobility.McxEvent;
import io.lyncemu.mcx.mobility.McxRefusal;
import io.lyncemu.mcx.mobility.MessageSent;
import io.lyncemu.mcx.mobility.SessionInfo;
import io.lyncemu.mcx.xml.SafeXml;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class McxResponseWriterTest {
  private static final Instant NINE = Instant.parse("2013-10-01T09:00:00Z");

  private final McxResponseWriter writer = new McxResponseWriter();

  private static Element root(byte[] body) {
    Element root = SafeXml.parse(body, 64 * 1024).getDocumentElement();
    assertThat(root.getNamespaceURI()).isEqualTo("urn:lyncemu:mcx:1");
    assertThat(root.getLocalName()).isEqualTo("response");
    return root;
  }

  private static Element only(Element parent, String name) {
    NodeList list = parent.getElementsByTagNameNS("urn:lyncemu:mcx:1", name);
    assertThat(list.getLength()).as("<%s> elements", name).isEqualTo(1);
    return (Element) list.item(0);
  }

  @Test
  void aSessionAnswerCarriesIdAddressExpiryAndInterval() {
    SessionInfo session =
        new SessionInfo(
            "abc",
            "sip:kenmyer@litwareinc.com",
            DeviceRegistration.of(DeviceType.ANDROID, "AndroidLync"),
            NINE,
            NINE,
            Duration.ofSeconds(3600));

    Element root = root(writer.session(session));

    assertThat(root.getAttribute("status")).isEqualTo("200");
    Element element = only(root, "session");
    assertThat(element.getAttribute("id")).isEqualTo("abc");
    assertThat(element.getAttribute("sipUri")).isEqualTo("sip:kenmyer@litwareinc.com");
    assertThat(element.getAttribute("expires")).isEqualTo("2013-10-01T10:00:00Z");
    assertThat(element.getAttribute("expirationInterval")).isEqualTo("3600");
  }

  @Test
  void anEventsAnswerHoldsMessagesAndPresenceInOrderWithTheNextAck() {
    InstantMessage message =
        new InstantMessage(
            "m1",
            "sip:kenmyer@litwareinc.com",
            "sip:packerman@litwareinc.com",
            "text/plain",
            "a < b & \u0007bell",
            NINE);
    EventBatch batch =
        new EventBatch(
            List.of(
                new McxEvent.MessageReceived(4, message),
                new McxEvent.PresenceChanged(5, "sip:kenmyer@litwareinc.com", Availability.AWAY)),
            5);

    Element events = only(root(writer.events(batch)), "events");

    assertThat(events.getAttribute("next")).isEqualTo("5");
    Element first = (Element) events.getFirstChild();
    assertThat(first.getLocalName()).isEqualTo("message");
    assertThat(first.getAttribute("from")).isEqualTo("sip:kenmyer@litwareinc.com");
    assertThat(first.getAttribute("contentType")).isEqualTo("text/plain");
    assertThat(first.getAttribute("sent")).isEqualTo("2013-10-01T09:00:00Z");
    assertThat(first.getTextContent()).isEqualTo("a < b & bell");
    Element second = (Element) first.getNextSibling();
    assertThat(second.getLocalName()).isEqualTo("presence");
    assertThat(second.getAttribute("availability")).isEqualTo("Away");
  }

  @Test
  void aDeliveryFailureIsAnEventNamingTheMessage() {
    EventBatch batch =
        new EventBatch(
            List.of(
                new McxEvent.DeliveryFailed(
                    7, "m9", "sip:alice@fabrikam.com", "remote-server-not-found")),
            7);

    Element failed = only(only(root(writer.events(batch)), "events"), "deliveryFailed");

    assertThat(failed.getAttribute("messageId")).isEqualTo("m9");
    assertThat(failed.getAttribute("to")).isEqualTo("sip:alice@fabrikam.com");
    assertThat(failed.getAttribute("reason")).isEqualTo("remote-server-not-found");
  }

  @Test
  void anEmptyEventsAnswerHasNoNextAttribute() {
    Element events = only(root(writer.events(EventBatch.empty(3))), "events");

    assertThat(events.hasAttribute("next")).isFalse();
    assertThat(events.hasChildNodes()).isFalse();
  }

  @Test
  void presenceSentAndOkAnswersHaveTheirElements() {
    Element presence =
        only(
            root(
                writer.presence(
                    List.of(new ContactPresence("sip:a@litwareinc.com", Availability.BUSY)))),
            "presence");
    Element sent = only(root(writer.sent(new MessageSent("m9", 2))), "sent");

    assertThat(presence.getAttribute("availability")).isEqualTo("Busy");
    assertThat(sent.getAttribute("messageId")).isEqualTo("m9");
    assertThat(sent.getAttribute("endpoints")).isEqualTo("2");
    only(root(writer.ok()), "ok");
  }

  @Test
  void anErrorAnswerCarriesTheCodeReasonAndHttpStatus() {
    Element root =
        root(writer.error(new McxRefusal(McxError.SESSION_EXPIRED, "The session has expired.")));

    assertThat(root.getAttribute("status")).isEqualTo("410");
    Element error = only(root, "error");
    assertThat(error.getAttribute("code")).isEqualTo("SessionExpired");
    assertThat(error.getAttribute("reason")).isEqualTo("The session has expired.");
  }
}
