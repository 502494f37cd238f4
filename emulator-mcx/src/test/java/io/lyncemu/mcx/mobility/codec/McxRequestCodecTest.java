package io.lyncemu.mcx.mobility.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lyncemu.core.routing.Availability;
import io.lyncemu.mcx.mobility.DeviceRegistration;
import io.lyncemu.mcx.mobility.DeviceType;
import io.lyncemu.mcx.mobility.PushRegistration;
import io.lyncemu.mcx.xml.SafeXml;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class McxRequestCodecTest {
  private static final String NS = "xmlns=\"urn:lyncemu:mcx:1\"";

  private final McxRequestParser parser = new McxRequestParser();
  private final McxRequestWriter writer = new McxRequestWriter();

  private McxRequest parse(String xml) {
    return parser.parse(SafeXml.parse(xml, 64 * 1024));
  }

  static Stream<McxRequest> everyOperation() {
    return Stream.of(
        new McxRequest.CreateSession(
            new DeviceRegistration(
                DeviceType.IPHONE,
                "iPhoneLync/4.0.7577.0",
                Optional.of(new PushRegistration(PushRegistration.Service.APNS, "0f3c9a")),
                true)),
        new McxRequest.CreateSession(DeviceRegistration.of(DeviceType.ANDROID, "AndroidLync")),
        new McxRequest.PublishPresence("s1", Availability.BE_RIGHT_BACK),
        new McxRequest.SubscribePresence(
            "s1", List.of("sip:packerman@litwareinc.com", "sip:kenmyer@litwareinc.com")),
        new McxRequest.SendMessage(
            "s1", "sip:packerman@litwareinc.com", "text/html", "<b>Ready</b> & \"waiting\" ✓"),
        new McxRequest.GetEvents("s1", 42, 300),
        new McxRequest.SetBackground("s1", false),
        new McxRequest.EndSession("s1"));
  }

  @ParameterizedTest
  @MethodSource("everyOperation")
  void everyOperationSurvivesAWriteAndParseRoundTrip(McxRequest request) {
    McxRequest parsed = parser.parse(SafeXml.parse(writer.write(request), 64 * 1024));

    assertThat(parsed).isEqualTo(request);
  }

  @Test
  void getEventsDefaultsToAThirtySecondWait() {
    McxRequest request = parse("<getEvents " + NS + " session='s' ack='0'/>");

    assertThat(request).isEqualTo(new McxRequest.GetEvents("s", 0, 30));
  }

  @ParameterizedTest
  @ValueSource(strings = {"301", "86400", "99999999999999999999999999"})
  void aHugeTimeoutIsClampedToThreeHundredSeconds(String timeout) {
    McxRequest request =
        parse("<getEvents " + NS + " session='s' ack='3' timeoutSeconds='" + timeout + "'/>");

    assertThat(((McxRequest.GetEvents) request).timeoutSeconds()).isEqualTo(300);
  }

  @Test
  void aZeroOrNegativeTimeoutIsClampedToOneSecond() {
    McxRequest request = parse("<getEvents " + NS + " session='s' ack='3' timeoutSeconds='-5'/>");

    assertThat(((McxRequest.GetEvents) request).timeoutSeconds()).isEqualTo(1);
  }

  @Test
  void aRequestWithoutTheNamespaceDeclarationIsStillUnderstoodWhenPrefixed() {
    McxRequest request = parse("<m:endSession xmlns:m='urn:lyncemu:mcx:1' session='abc'/>");

    assertThat(request).isEqualTo(new McxRequest.EndSession("abc"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<deleteEverything xmlns='urn:lyncemu:mcx:1'/>",
        "<endSession session='s'/>",
        "<endSession xmlns='urn:other' session='s'/>",
        "<endSession xmlns='urn:lyncemu:mcx:1'/>",
        "<publishPresence xmlns='urn:lyncemu:mcx:1' session='s'/>",
        "<publishPresence xmlns='urn:lyncemu:mcx:1' session='s' availability='Sleepy'/>",
        "<getEvents xmlns='urn:lyncemu:mcx:1' session='s'/>",
        "<getEvents xmlns='urn:lyncemu:mcx:1' session='s' ack='-1'/>",
        "<getEvents xmlns='urn:lyncemu:mcx:1' session='s' ack='1e3'/>",
        "<getEvents xmlns='urn:lyncemu:mcx:1' session='s' ack='0' timeoutSeconds='soon'/>",
        "<createSession xmlns='urn:lyncemu:mcx:1' deviceType='BlackBerry' userAgent='x'/>",
        "<createSession xmlns='urn:lyncemu:mcx:1' deviceType='iPhone'/>",
        "<createSession xmlns='urn:lyncemu:mcx:1' deviceType='iPhone' userAgent='x' pushType='APNS'/>",
        "<createSession xmlns='urn:lyncemu:mcx:1' deviceType='iPhone' userAgent='x' pushType='GCM' pushToken='t'/>",
        "<createSession xmlns='urn:lyncemu:mcx:1' deviceType='iPhone' userAgent='x' background='yes'/>",
        "<subscribePresence xmlns='urn:lyncemu:mcx:1' session='s'/>",
        "<subscribePresence xmlns='urn:lyncemu:mcx:1' session='s'><buddy uri='sip:a@b'/></subscribePresence>",
        "<subscribePresence xmlns='urn:lyncemu:mcx:1' session='s'><contact/></subscribePresence>",
        "<sendMessage xmlns='urn:lyncemu:mcx:1' session='s' to='sip:a@b'/>",
        "<sendMessage xmlns='urn:lyncemu:mcx:1' session='s' to='sip:a@b' contentType='image/png'>x</sendMessage>",
        "<setBackground xmlns='urn:lyncemu:mcx:1' session='s' background='maybe'/>"
      })
  void malformedRequestsAreBadRequests(String xml) {
    assertThatThrownBy(() -> parse(xml))
        .isInstanceOf(McxBadRequestException.class)
        .hasMessageNotContaining("null");
  }

  @Test
  void anUnknownOperationIsNamedInTheReason() {
    assertThatThrownBy(() -> parse("<deleteEverything " + NS + "/>"))
        .hasMessage("Unknown operation <deleteEverything>.");
  }
}
