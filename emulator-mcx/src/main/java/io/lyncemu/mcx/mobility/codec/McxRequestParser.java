package io.lyncemu.mcx.mobility.codec;

import io.lyncemu.core.routing.Availability;
import io.lyncemu.mcx.mobility.DeviceRegistration;
import io.lyncemu.mcx.mobility.DeviceType;
import io.lyncemu.mcx.mobility.PushRegistration;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Turns a request DOM into an {@link McxRequest}, checking every attribute the message set
 * requires. Works with namespace-aware and plain DOMs alike (a plain one must still declare the
 * namespace). Stateless and thread-safe.
 */
public final class McxRequestParser {
  static final int DEFAULT_TIMEOUT_SECONDS = 30;
  static final int MIN_TIMEOUT_SECONDS = 1;
  static final int MAX_TIMEOUT_SECONDS = 300;

  /** More contacts than a phone's buddy list would ever hold: a sign of a broken client. */
  static final int MAX_CONTACTS = 1_000;

  private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");

  public McxRequest parse(Document document) {
    Objects.requireNonNull(document, "document");
    Element root = document.getDocumentElement();
    if (root == null) {
      throw new McxBadRequestException("The request has no root element.");
    }
    String name = localName(root);
    if (!McxRequest.NAMESPACE.equals(namespace(root))) {
      throw new McxBadRequestException(
          "The root element <" + name + "> is not in namespace " + McxRequest.NAMESPACE + ".");
    }
    return switch (name) {
      case "createSession" -> createSession(root);
      case "publishPresence" ->
          new McxRequest.PublishPresence(required(root, "session"), availability(root));
      case "subscribePresence" ->
          new McxRequest.SubscribePresence(required(root, "session"), contacts(root));
      case "sendMessage" -> sendMessage(root);
      case "getEvents" ->
          new McxRequest.GetEvents(required(root, "session"), ack(root), timeoutSeconds(root));
      case "setBackground" ->
          new McxRequest.SetBackground(required(root, "session"), bool(root, "background"));
      case "endSession" -> new McxRequest.EndSession(required(root, "session"));
      default -> throw new McxBadRequestException("Unknown operation <" + name + ">.");
    };
  }

  private static McxRequest createSession(Element root) {
    String deviceName = required(root, "deviceType");
    DeviceType deviceType =
        DeviceType.fromWireName(deviceName)
            .orElseThrow(
                () ->
                    new McxBadRequestException(
                        "deviceType '"
                            + deviceName
                            + "' is not iPhone, iPad, WindowsPhone, Android or Nokia."));
    String userAgent = required(root, "userAgent");
    Optional<String> pushType = optional(root, "pushType");
    Optional<String> pushToken = optional(root, "pushToken");
    Optional<PushRegistration> push = Optional.empty();
    if (pushType.isPresent()) {
      PushRegistration.Service service =
          PushRegistration.Service.fromWireName(pushType.get())
              .orElseThrow(
                  () ->
                      new McxBadRequestException(
                          "pushType '" + pushType.get() + "' is not APNS or MPNS."));
      String token =
          pushToken.orElseThrow(
              () -> new McxBadRequestException("pushType needs a pushToken attribute."));
      push = Optional.of(new PushRegistration(service, token));
    } else if (pushToken.isPresent()) {
      throw new McxBadRequestException("pushToken needs a pushType attribute.");
    }
    boolean background = optional(root, "background").isPresent() && bool(root, "background");
    return new McxRequest.CreateSession(
        new DeviceRegistration(deviceType, userAgent, push, background));
  }

  private static McxRequest sendMessage(Element root) {
    String session = required(root, "session");
    String to = required(root, "to");
    String contentType = optional(root, "contentType").orElse("text/plain");
    if (!contentType.equals("text/plain") && !contentType.equals("text/html")) {
      throw new McxBadRequestException(
          "contentType '" + contentType + "' is not text/plain or text/html.");
    }
    String text = root.getTextContent();
    if (text == null || text.isEmpty()) {
      throw new McxBadRequestException("sendMessage carries no message text.");
    }
    return new McxRequest.SendMessage(session, to, contentType, text);
  }

  private static Availability availability(Element root) {
    String value = required(root, "availability");
    for (Availability availability : Availability.values()) {
      if (availability.wireName().equals(value)) {
        return availability;
      }
    }
    throw new McxBadRequestException(
        "availability '"
            + value
            + "' is not Online, Busy, DoNotDisturb, BeRightBack, Away or Offline.");
  }

  private static List<String> contacts(Element root) {
    List<String> contacts = new ArrayList<>();
    NodeList children = root.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      Node child = children.item(i);
      if (child.getNodeType() != Node.ELEMENT_NODE) {
        continue;
      }
      Element element = (Element) child;
      if (!"contact".equals(localName(element))) {
        throw new McxBadRequestException(
            "subscribePresence holds <" + localName(element) + ">; only <contact> is allowed.");
      }
      contacts.add(required(element, "uri"));
      if (contacts.size() > MAX_CONTACTS) {
        throw new McxBadRequestException(
            "subscribePresence names more than " + MAX_CONTACTS + " contacts.");
      }
    }
    if (contacts.isEmpty()) {
      throw new McxBadRequestException("subscribePresence names no <contact uri=…/>.");
    }
    return contacts;
  }

  private static long ack(Element root) {
    String value = required(root, "ack");
    BigInteger number = integer(value, "ack");
    if (number.signum() < 0 || number.bitLength() > 62) {
      throw new McxBadRequestException("ack '" + value + "' is not an event number.");
    }
    return number.longValue();
  }

  /**
   * Out-of-range timeouts are clamped rather than refused: a client asking for too much waits less.
   */
  private static int timeoutSeconds(Element root) {
    Optional<String> value = optional(root, "timeoutSeconds");
    if (value.isEmpty()) {
      return DEFAULT_TIMEOUT_SECONDS;
    }
    BigInteger number = integer(value.get(), "timeoutSeconds");
    if (number.compareTo(BigInteger.valueOf(MIN_TIMEOUT_SECONDS)) < 0) {
      return MIN_TIMEOUT_SECONDS;
    }
    if (number.compareTo(BigInteger.valueOf(MAX_TIMEOUT_SECONDS)) > 0) {
      return MAX_TIMEOUT_SECONDS;
    }
    return number.intValue();
  }

  private static BigInteger integer(String value, String attribute) {
    String trimmed = value.trim();
    if (!INTEGER.matcher(trimmed).matches() || trimmed.length() > 40) {
      throw new McxBadRequestException(attribute + " '" + value + "' is not a whole number.");
    }
    return new BigInteger(trimmed);
  }

  private static boolean bool(Element element, String attribute) {
    String value = required(element, attribute).trim();
    if (value.equals("true")) {
      return true;
    }
    if (value.equals("false")) {
      return false;
    }
    throw new McxBadRequestException(attribute + " '" + value + "' is not true or false.");
  }

  private static String required(Element element, String attribute) {
    return optional(element, attribute)
        .orElseThrow(
            () ->
                new McxBadRequestException(
                    "<" + localName(element) + "> needs the " + attribute + " attribute."));
  }

  private static Optional<String> optional(Element element, String attribute) {
    if (!element.hasAttribute(attribute)) {
      return Optional.empty();
    }
    String value = element.getAttribute(attribute);
    return value.isBlank() ? Optional.empty() : Optional.of(value);
  }

  private static String localName(Element element) {
    String local = element.getLocalName();
    if (local != null) {
      return local;
    }
    String qualified = element.getTagName();
    int colon = qualified.indexOf(':');
    return colon < 0 ? qualified : qualified.substring(colon + 1);
  }

  /** The namespace, also from a DOM built without namespace awareness (then from xmlns). */
  private static String namespace(Element element) {
    if (element.getLocalName() != null) {
      return element.getNamespaceURI();
    }
    String qualified = element.getTagName();
    int colon = qualified.indexOf(':');
    String declaration = colon < 0 ? "xmlns" : "xmlns:" + qualified.substring(0, colon);
    return element.hasAttribute(declaration) ? element.getAttribute(declaration) : null;
  }
}
