package io.lyncemu.mcx.ucwa;

import java.util.Objects;

/**
 * A messaging invitation and the conversation it created. {@code operationId} and {@code
 * sessionContext} echo what the client sent (empty for incoming ones); {@code failure} is empty
 * when the invitation succeeded, otherwise the UCWA reason code.
 */
public record MessagingInvitation(
    String id,
    String conversationId,
    Direction direction,
    String remoteUri,
    String operationId,
    String sessionContext,
    String subject,
    String failure) {

  public MessagingInvitation {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(conversationId, "conversationId");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(remoteUri, "remoteUri");
    operationId = operationId == null ? "" : operationId;
    sessionContext = sessionContext == null ? "" : sessionContext;
    subject = subject == null ? "" : subject;
    failure = failure == null ? "" : failure;
  }

  public boolean succeeded() {
    return failure.isEmpty();
  }
}
