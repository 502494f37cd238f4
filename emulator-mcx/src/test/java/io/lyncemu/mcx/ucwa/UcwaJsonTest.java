package io.lyncemu.mcx.ucwa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lyncemu.core.routing.Availability;
import io.lyncemu.core.routing.InstantMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UcwaJsonTest {
  private static final Instant NINE = Instant.parse("2013-10-01T09:00:00Z");
  private static final ApplicationInfo APP =
      new ApplicationInfo(
          "app1",
          "sip:kenmyer@litwareinc.com",
          "Ken Myer",
          new ApplicationRequest("UCWA Samples", "e1", "en-US"),
          "key1",
          NINE,
          false);

  private final UcwaJson json = new UcwaJson();
  private final ObjectMapper mapper = new ObjectMapper();

  private JsonNode read(byte[] body) throws Exception {
    return mapper.readTree(body);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void theApplicationResourceLinksItsResourcesAndEventChannel() throws Exception {
    JsonNode app = read(json.application(APP));

    assertThat(app.at("/_links/self/href").asText()).isEqualTo("/ucwa/oauth/v1/applications/app1");
    assertThat(app.at("/_links/policies/href").asText()).endsWith("/app1/policies");
    assertThat(app.at("/_links/batch/href").asText()).endsWith("/app1/batch");
    assertThat(app.at("/_links/events/href").asText()).endsWith("/app1/events?ack=1&key=key1");
    assertThat(app.at("/_embedded/me/uri").asText()).isEqualTo("sip:kenmyer@litwareinc.com");
    assertThat(app.at("/_embedded/me/_links/makeMeAvailable/href").asText())
        .endsWith("/app1/me/makeMeAvailable");
    assertThat(app.at("/_embedded/people/rel").asText()).isEqualTo("people");
    assertThat(app.at("/_embedded/onlineMeetings/rel").asText()).isEqualTo("onlineMeetings");
    assertThat(app.at("/_embedded/communication/_links/startMessaging/href").asText())
        .endsWith("/app1/communication/messagingInvitations");
    assertThat(app.at("/_embedded/communication/key1").asText())
        .isEqualTo("please pass this in a PUT request");
    assertThat(app.at("/rel").asText()).isEqualTo("application");
  }

  @Test
  void anIncomingMessageEventCarriesTheTextAsADataUri() throws Exception {
    InstantMessage message =
        new InstantMessage(
            "m1",
            "sip:packerman@litwareinc.com",
            "sip:kenmyer@litwareinc.com",
            "text/plain",
            "Hello world & more",
            NINE);
    EventsPage page =
        new EventsPage(
            4,
            List.of(
                new UcwaEvent.ConversationAdded("c1", "sip:packerman@litwareinc.com"),
                new UcwaEvent.MessageReceived("c1", message)),
            false);

    JsonNode events = read(json.events(APP, page));

    assertThat(events.at("/_links/self/href").asText()).endsWith("/events?ack=4&key=key1");
    assertThat(events.at("/_links/next/href").asText()).endsWith("/events?ack=5&key=key1");
    assertThat(events.at("/sender/0/rel").asText()).isEqualTo("communication");
    assertThat(events.at("/sender/0/events/0/link/rel").asText()).isEqualTo("conversation");
    assertThat(events.at("/sender/0/events/0/type").asText()).isEqualTo("added");
    JsonNode received = events.at("/sender/1/events/0");
    assertThat(events.at("/sender/1/rel").asText()).isEqualTo("conversation");
    assertThat(received.at("/link/rel").asText()).isEqualTo("message");
    assertThat(received.at("/type").asText()).isEqualTo("added");
    assertThat(received.at("/_embedded/message/direction").asText()).isEqualTo("Incoming");
    assertThat(received.at("/_embedded/message/_links/plainMessage/href").asText())
        .isEqualTo("data:text/plain;charset=utf-8,Hello%20world%20%26%20more");
  }

  @Test
  void aResyncPagePointsAtTheCurrentAck() throws Exception {
    JsonNode events = read(json.events(APP, new EventsPage(3, List.of(), true)));

    assertThat(events.at("/_links/resync/href").asText()).endsWith("/events?ack=3&key=key1");
    assertThat(events.has("sender")).isFalse();
  }

  @Test
  void aFailedInvitationCompletesWithItsReason() throws Exception {
    MessagingInvitation failed =
        new MessagingInvitation(
            "i1", "c1", Direction.OUTGOING, "sip:x@litwareinc.com", "op", "ctx", "", "NotFound");

    JsonNode event =
        read(json.events(
                APP, new EventsPage(1, List.of(new UcwaEvent.InvitationCompleted(failed)), false)))
            .at("/sender/0/events/0");

    assertThat(event.at("/type").asText()).isEqualTo("completed");
    assertThat(event.at("/status").asText()).isEqualTo("Failure");
    assertThat(event.at("/reason/code").asText()).isEqualTo("NotFound");
  }

  @Test
  void requestBodiesAreReadWhateverTheCaseOfTheirNames() {
    ApplicationRequest request =
        json.applicationRequest(utf8("{\"userAgent\":\"ua\",\"endpointId\":\"e\"}"));
    InvitationRequest invitation =
        json.invitationRequest(
            utf8(
                "{\"to\":\"sip:packerman@litwareinc.com\",\"operationId\":\"op\",\"importance\":\"Normal\"}"));

    assertThat(request).isEqualTo(new ApplicationRequest("ua", "e", "en-US"));
    assertThat(invitation.operationId()).isEqualTo("op");
    assertThat(json.presence(utf8("{\"availability\":\"busy\"}"))).isEqualTo(Availability.BUSY);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "not json",
        "[1,2]",
        "{\"UserAgent\":\"ua\"}",
        "{\"UserAgent\":{},\"EndpointId\":\"e\"}"
      })
  void badApplicationBodiesAreRefused(String body) {
    assertThatThrownBy(() -> json.applicationRequest(utf8(body)))
        .isInstanceOf(UcwaBadRequestException.class);
  }

  @Test
  void anErrorBodyHasCodeSubcodeAndMessage() throws Exception {
    JsonNode error = read(json.error(new UcwaRefusal(UcwaError.APPLICATION_NOT_FOUND, "gone")));

    assertThat(error.at("/code").asText()).isEqualTo("NotFound");
    assertThat(error.at("/subcode").asText()).isEqualTo("ApplicationNotFound");
    assertThat(error.at("/message").asText()).isEqualTo("gone");
  }
}
