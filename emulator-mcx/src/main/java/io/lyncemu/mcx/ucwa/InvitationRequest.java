package io.lyncemu.mcx.ucwa;

import java.util.Objects;

/** The body of {@code POST …/communication/messagingInvitations} (startMessaging). */
public record InvitationRequest(
    String to, String operationId, String sessionContext, String subject) {
  public InvitationRequest {
    Objects.requireNonNull(to, "to");
    operationId = operationId == null ? "" : operationId;
    sessionContext = sessionContext == null ? "" : sessionContext;
    subject = subject == null ? "" : subject;
  }
}
