package io.lyncemu.mcx.mobility.codec;

import io.lyncemu.core.routing.Availability;
import io.lyncemu.mcx.mobility.DeviceRegistration;
import java.util.List;
import java.util.Objects;

/**
 * One MCX request, as the root element of the body names it (docs/mcx-protocol.md, "Requests").
 * Every operation but {@link CreateSession} names its session.
 */
public sealed interface McxRequest
    permits McxRequest.CreateSession,
        McxRequest.PublishPresence,
        McxRequest.SubscribePresence,
        McxRequest.SendMessage,
        McxRequest.GetEvents,
        McxRequest.SetBackground,
        McxRequest.EndSession {

  /** The namespace every request and answer element lives in. */
  String NAMESPACE = "urn:lyncemu:mcx:1";

  /** The root element name, also the operation name used in the journal and fault steps. */
  String operation();

  /** {@code createSession}: sign a device in. */
  record CreateSession(DeviceRegistration device) implements McxRequest {
    public CreateSession {
      Objects.requireNonNull(device, "device");
    }

    @Override
    public String operation() {
      return "createSession";
    }
  }

  /** {@code publishPresence}: set the user's availability. */
  record PublishPresence(String session, Availability availability) implements McxRequest {
    public PublishPresence {
      Objects.requireNonNull(session, "session");
      Objects.requireNonNull(availability, "availability");
    }

    @Override
    public String operation() {
      return "publishPresence";
    }
  }

  /** {@code subscribePresence}: watch contacts' availability. */
  record SubscribePresence(String session, List<String> contacts) implements McxRequest {
    public SubscribePresence {
      Objects.requireNonNull(session, "session");
      contacts = List.copyOf(contacts);
    }

    @Override
    public String operation() {
      return "subscribePresence";
    }
  }

  /** {@code sendMessage}: an instant message to {@code to}. */
  record SendMessage(String session, String to, String contentType, String text)
      implements McxRequest {
    public SendMessage {
      Objects.requireNonNull(session, "session");
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(contentType, "contentType");
      Objects.requireNonNull(text, "text");
    }

    @Override
    public String operation() {
      return "sendMessage";
    }
  }

  /** {@code getEvents}: the long poll; {@code timeoutSeconds} is already clamped to 1–300. */
  record GetEvents(String session, long ack, int timeoutSeconds) implements McxRequest {
    public GetEvents {
      Objects.requireNonNull(session, "session");
    }

    @Override
    public String operation() {
      return "getEvents";
    }
  }

  /** {@code setBackground}: the app moved to or from the background. */
  record SetBackground(String session, boolean background) implements McxRequest {
    public SetBackground {
      Objects.requireNonNull(session, "session");
    }

    @Override
    public String operation() {
      return "setBackground";
    }
  }

  /** {@code endSession}: sign out. */
  record EndSession(String session) implements McxRequest {
    public EndSession {
      Objects.requireNonNull(session, "session");
    }

    @Override
    public String operation() {
      return "endSession";
    }
  }
}
