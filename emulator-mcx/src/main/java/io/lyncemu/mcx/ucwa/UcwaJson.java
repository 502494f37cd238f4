package io.lyncemu.mcx.ucwa;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lyncemu.core.routing.Availability;
import io.lyncemu.core.routing.InstantMessage;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code application/vnd.microsoft.com.ucwa+json} codec: reads the request bodies the supported
 * operations take and writes the HAL-style resources ({@code _links}, {@code _embedded}, {@code
 * rel}) and event-channel pages. Property names are matched case-insensitively on input, as clients
 * disagree ({@code UserAgent} in the docs, {@code userAgent} in some libraries). Stateless and
 * thread-safe.
 */
public final class UcwaJson {
  /** UCWA's own media type; {@code application/json} is accepted as well. */
  public static final String CONTENT_TYPE = "application/vnd.microsoft.com.ucwa+json";

  private static final ObjectMapper JSON = new ObjectMapper();

  // ---- requests -------------------------------------------------------------------------------

  public ApplicationRequest applicationRequest(byte[] body) {
    ObjectNode node = object(body);
    return new ApplicationRequest(
        requiredText(node, "UserAgent"),
        requiredText(node, "EndpointId"),
        text(node, "Culture").orElse("en-US"));
  }

  public Availability presence(byte[] body) {
    String value = requiredText(object(body), "availability");
    for (Availability availability : Availability.values()) {
      if (availability.wireName().equalsIgnoreCase(value)) {
        return availability;
      }
    }
    throw new UcwaBadRequestException(
        UcwaError.PARAMETER_VALIDATION_FAILURE, "availability '" + value + "' is not valid.");
  }

  public InvitationRequest invitationRequest(byte[] body) {
    ObjectNode node = object(body);
    return new InvitationRequest(
        requiredText(node, "to"),
        text(node, "operationId").orElse(""),
        text(node, "sessionContext").orElse(""),
        text(node, "subject").orElse(""));
  }

  private static ObjectNode object(byte[] body) {
    JsonNode node;
    try {
      node = JSON.readTree(body);
    } catch (IOException e) {
      throw new UcwaBadRequestException(
          UcwaError.DESERIALIZATION_FAILURE, "The request body is not valid JSON.");
    }
    if (!(node instanceof ObjectNode object)) {
      throw new UcwaBadRequestException(
          UcwaError.DESERIALIZATION_FAILURE, "The request body is not a JSON object.");
    }
    return object;
  }

  private static String requiredText(ObjectNode node, String name) {
    return text(node, name)
        .orElseThrow(
            () ->
                new UcwaBadRequestException(
                    UcwaError.PARAMETER_VALIDATION_FAILURE, name + " is required."));
  }

  private static Optional<String> text(ObjectNode node, String name) {
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      if (field.getKey().equalsIgnoreCase(name)) {
        JsonNode value = field.getValue();
        if (value.isNull()) {
          return Optional.empty();
        }
        if (!value.isValueNode()) {
          throw new UcwaBadRequestException(
              UcwaError.PARAMETER_VALIDATION_FAILURE, name + " must be a string.");
        }
        String text = value.asText();
        return text.isBlank() ? Optional.empty() : Optional.of(text);
      }
    }
    return Optional.empty();
  }

  // ---- resources ------------------------------------------------------------------------------

  /** The {@code application} resource answered with 201 on create and on GET. */
  public byte[] application(ApplicationInfo app) {
    UcwaPaths paths = new UcwaPaths(app.id());
    ObjectNode root = JSON.createObjectNode();
    root.put("culture", app.request().culture());
    root.put("userAgent", app.request().userAgent());
    root.put("type", "Application");
    root.put("endpointId", app.request().endpointId());
    ObjectNode links = root.putObject("_links");
    link(links, "self", paths.application());
    link(links, "policies", paths.policies());
    link(links, "batch", paths.batch());
    link(links, "events", paths.events(1, app.eventsKey()));
    ObjectNode embedded = root.putObject("_embedded");
    embedded.set("me", me(app, paths));
    embedded.set("people", people(paths));
    embedded.set("onlineMeetings", onlineMeetings(paths));
    embedded.set("communication", communication(app, paths));
    root.put("rel", "application");
    return bytes(root);
  }

  private static ObjectNode me(ApplicationInfo app, UcwaPaths paths) {
    ObjectNode me = JSON.createObjectNode();
    me.put("name", app.displayName());
    me.put("uri", app.sipUri());
    ObjectNode links = me.putObject("_links");
    link(links, "self", paths.me());
    if (app.available()) {
      // Lync adds these once the application is an endpoint of the user.
      link(links, "presence", paths.presence());
      link(links, "reportMyActivity", paths.reportMyActivity());
    } else {
      link(links, "makeMeAvailable", paths.makeMeAvailable());
    }
    me.put("rel", "me");
    return me;
  }

  private static ObjectNode people(UcwaPaths paths) {
    ObjectNode people = JSON.createObjectNode();
    ObjectNode links = people.putObject("_links");
    link(links, "self", paths.people());
    people.put("rel", "people");
    return people;
  }

  private static ObjectNode onlineMeetings(UcwaPaths paths) {
    ObjectNode meetings = JSON.createObjectNode();
    ObjectNode links = meetings.putObject("_links");
    link(links, "self", paths.onlineMeetings());
    meetings.put("rel", "onlineMeetings");
    return meetings;
  }

  private static ObjectNode communication(ApplicationInfo app, UcwaPaths paths) {
    ObjectNode communication = JSON.createObjectNode();
    // UCWA's odd ETag-like member: a property named after a GUID asking to be PUT back.
    communication.put(app.eventsKey(), "please pass this in a PUT request");
    communication.putArray("supportedModalities");
    communication.putArray("supportedMessageFormats").add("Plain").add("Html");
    ObjectNode links = communication.putObject("_links");
    link(links, "self", paths.communication());
    link(links, "conversations", paths.conversations());
    link(links, "startMessaging", paths.messagingInvitations());
    communication.put("rel", "communication");
    return communication;
  }

  /** The {@code presence} resource. */
  public byte[] presence(String applicationId, Availability availability) {
    ObjectNode root = JSON.createObjectNode();
    root.put("availability", availability.wireName());
    link(root.putObject("_links"), "self", new UcwaPaths(applicationId).presence());
    root.put("rel", "presence");
    return bytes(root);
  }

  /** The {@code messagingInvitation} resource answered with 201 to startMessaging. */
  public byte[] messagingInvitation(String applicationId, MessagingInvitation invitation) {
    return bytes(invitationNode(new UcwaPaths(applicationId), invitation, "Connecting"));
  }

  private static ObjectNode invitationNode(
      UcwaPaths paths, MessagingInvitation invitation, String state) {
    ObjectNode node = JSON.createObjectNode();
    node.put("direction", invitation.direction().wireName());
    node.put("importance", "Normal");
    node.put("state", state);
    node.put("subject", invitation.subject());
    if (!invitation.operationId().isEmpty()) {
      node.put("operationId", invitation.operationId());
    }
    if (!invitation.sessionContext().isEmpty()) {
      node.put("sessionContext", invitation.sessionContext());
    }
    node.put(invitation.direction() == Direction.OUTGOING ? "to" : "from", invitation.remoteUri());
    ObjectNode links = node.putObject("_links");
    link(links, "self", paths.messagingInvitation(invitation.id()));
    link(links, "conversation", paths.conversation(invitation.conversationId()));
    link(links, "messaging", paths.messaging(invitation.conversationId()));
    node.put("rel", "messagingInvitation");
    return node;
  }

  /** An error body: {@code {"code":…,"subcode":…,"message":…}}. */
  public byte[] error(UcwaRefusal refusal) {
    ObjectNode root = JSON.createObjectNode();
    root.put("code", refusal.error().code());
    refusal.error().subcode().ifPresent(subcode -> root.put("subcode", subcode));
    root.put("message", refusal.message());
    return bytes(root);
  }

  // ---- event channel --------------------------------------------------------------------------

  /**
   * One event-channel answer: {@code _links.self} and {@code _links.next} (or {@code resync}), and
   * {@code sender[]}, each sender holding its {@code events[]} in order.
   */
  public byte[] events(ApplicationInfo app, EventsPage page) {
    UcwaPaths paths = new UcwaPaths(app.id());
    ObjectNode root = JSON.createObjectNode();
    ObjectNode links = root.putObject("_links");
    link(links, "self", paths.events(page.ack(), app.eventsKey()));
    link(links, page.resync() ? "resync" : "next", paths.events(page.nextAck(), app.eventsKey()));
    if (!page.events().isEmpty()) {
      // One entry per sender, in order of first appearance, as UCWA groups its events.
      Map<Sender, ArrayNode> bySender = new LinkedHashMap<>();
      for (UcwaEvent event : page.events()) {
        bySender
            .computeIfAbsent(senderOf(paths, event), s -> JSON.createArrayNode())
            .add(eventNode(paths, event));
      }
      ArrayNode senders = root.putArray("sender");
      bySender.forEach(
          (sender, events) -> {
            ObjectNode node = senders.addObject();
            node.put("rel", sender.rel());
            node.put("href", sender.href());
            node.set("events", events);
          });
    }
    return bytes(root);
  }

  private record Sender(String rel, String href) {}

  private static Sender senderOf(UcwaPaths paths, UcwaEvent event) {
    if (event instanceof UcwaEvent.MessagingUpdated e) {
      return new Sender("conversation", paths.conversation(e.conversationId()));
    } else if (event instanceof UcwaEvent.MessageReceived e) {
      return new Sender("conversation", paths.conversation(e.conversationId()));
    } else if (event instanceof UcwaEvent.MessageCompleted e) {
      return new Sender("conversation", paths.conversation(e.conversationId()));
    } else if (event instanceof UcwaEvent.PresenceUpdated) {
      return new Sender("me", paths.me());
    }
    return new Sender("communication", paths.communication());
  }

  private static ObjectNode eventNode(UcwaPaths paths, UcwaEvent event) {
    ObjectNode node = JSON.createObjectNode();
    if (event instanceof UcwaEvent.InvitationStarted e) {
      eventLink(node, "messagingInvitation", paths.messagingInvitation(e.invitation().id()));
      node.putObject("_embedded")
          .set("messagingInvitation", invitationNode(paths, e.invitation(), "Connecting"));
      node.put("type", "started");
    } else if (event instanceof UcwaEvent.InvitationCompleted e) {
      eventLink(node, "messagingInvitation", paths.messagingInvitation(e.invitation().id()));
      node.put("type", "completed");
      node.put("status", e.invitation().succeeded() ? "Success" : "Failure");
      if (!e.invitation().succeeded()) {
        node.putObject("reason").put("code", e.invitation().failure());
      }
    } else if (event instanceof UcwaEvent.ConversationAdded e) {
      eventLink(node, "conversation", paths.conversation(e.conversationId()));
      node.put("type", "added");
    } else if (event instanceof UcwaEvent.MessagingUpdated e) {
      eventLink(node, "messaging", paths.messaging(e.conversationId()));
      ObjectNode messaging = node.putObject("_embedded").putObject("messaging");
      messaging.put("state", e.state());
      ObjectNode links = messaging.putObject("_links");
      link(links, "self", paths.messaging(e.conversationId()));
      if (e.state().equals("Connected")) {
        link(links, "sendMessage", paths.messages(e.conversationId()));
      }
      messaging.put("rel", "messaging");
      node.put("type", "updated");
    } else if (event instanceof UcwaEvent.MessageReceived e) {
      eventLink(node, "message", paths.message(e.conversationId(), e.message().id()));
      node.putObject("_embedded")
          .set("message", messageNode(paths, e.conversationId(), e.message()));
      node.put("type", "added");
    } else if (event instanceof UcwaEvent.MessageCompleted e) {
      eventLink(node, "message", paths.message(e.conversationId(), e.messageId()));
      node.put("type", "completed");
      node.put("status", e.failure().isEmpty() ? "Success" : "Failure");
      if (!e.failure().isEmpty()) {
        node.putObject("reason").put("code", e.failure());
      }
    } else if (event instanceof UcwaEvent.PresenceUpdated e) {
      eventLink(node, "presence", paths.presence());
      ObjectNode presence = node.putObject("_embedded").putObject("presence");
      presence.put("availability", e.availability().wireName());
      presence.put("rel", "presence");
      node.put("type", "updated");
    }
    return node;
  }

  private static ObjectNode messageNode(
      UcwaPaths paths, String conversationId, InstantMessage message) {
    ObjectNode node = JSON.createObjectNode();
    node.put("direction", Direction.INCOMING.wireName());
    node.put("timeStamp", message.sent().toString());
    ObjectNode links = node.putObject("_links");
    link(links, "self", paths.message(conversationId, message.id()));
    link(links, "messaging", paths.messaging(conversationId));
    boolean html = message.contentType().startsWith("text/html");
    // As real UCWA does: the text travels inline as a data: URI, not as a separate resource.
    link(
        links,
        html ? "htmlMessage" : "plainMessage",
        dataUri(html ? "text/html" : "text/plain", message.text()));
    node.putObject("_embedded").putObject("participant").put("uri", message.from());
    node.put("rel", "message");
    return node;
  }

  /** {@code data:<type>;charset=utf-8,<percent-encoded text>}, spaces as {@code %20}. */
  public static String dataUri(String mediaType, String text) {
    Objects.requireNonNull(text, "text");
    return "data:"
        + mediaType
        + ";charset=utf-8,"
        + URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static void eventLink(ObjectNode event, String rel, String href) {
    ObjectNode link = event.putObject("link");
    link.put("rel", rel);
    link.put("href", href);
  }

  private static void link(ObjectNode links, String rel, String href) {
    links.putObject(rel).put("href", href);
  }

  private static byte[] bytes(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new UcwaStateException("cannot write UCWA JSON", e);
    }
  }
}
