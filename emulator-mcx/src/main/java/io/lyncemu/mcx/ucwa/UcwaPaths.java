package io.lyncemu.mcx.ucwa;

import java.util.Objects;

/**
 * The resource hrefs of one application, relative to the host as UCWA writes them ({@code
 * /ucwa/oauth/v1/applications/<id>/…}). The only place that knows the URL layout, shared by the
 * codec and the HTTP adapter.
 */
public record UcwaPaths(String applicationId) {
  /** Where applications are created. */
  public static final String APPLICATIONS = "/ucwa/oauth/v1/applications";

  public UcwaPaths {
    Objects.requireNonNull(applicationId, "applicationId");
  }

  public String application() {
    return APPLICATIONS + "/" + applicationId;
  }

  public String me() {
    return application() + "/me";
  }

  public String makeMeAvailable() {
    return me() + "/makeMeAvailable";
  }

  public String presence() {
    return me() + "/presence";
  }

  public String reportMyActivity() {
    return me() + "/reportMyActivity";
  }

  public String people() {
    return application() + "/people";
  }

  public String onlineMeetings() {
    return application() + "/onlineMeetings";
  }

  public String communication() {
    return application() + "/communication";
  }

  public String messagingInvitations() {
    return communication() + "/messagingInvitations";
  }

  public String messagingInvitation(String id) {
    return messagingInvitations() + "/" + id;
  }

  public String conversations() {
    return communication() + "/conversations";
  }

  public String conversation(String id) {
    return conversations() + "/" + id;
  }

  public String messaging(String conversationId) {
    return conversation(conversationId) + "/messaging";
  }

  public String messages(String conversationId) {
    return messaging(conversationId) + "/messages";
  }

  public String message(String conversationId, String messageId) {
    return messages(conversationId) + "/" + messageId;
  }

  public String policies() {
    return application() + "/policies";
  }

  public String batch() {
    return application() + "/batch";
  }

  public String events(long ack, String key) {
    return application() + "/events?ack=" + ack + "&key=" + key;
  }
}
