package io.lyncemu.mcx.ucwa;

import io.lyncemu.core.routing.Availability;
import io.lyncemu.core.routing.InstantMessage;
import java.util.Objects;

/**
 * One event of an application's event channel, as domain data; {@link UcwaJson} gives it its
 * sender, link and type ({@code started/updated/completed} for operations, {@code
 * added/updated/deleted} for resources, per "Events in UCWA").
 */
public sealed interface UcwaEvent
    permits UcwaEvent.InvitationStarted,
        UcwaEvent.InvitationCompleted,
        UcwaEvent.ConversationAdded,
        UcwaEvent.MessagingUpdated,
        UcwaEvent.MessageReceived,
        UcwaEvent.MessageCompleted,
        UcwaEvent.PresenceUpdated {

  /** A messaging invitation started (outgoing: the client's POST; incoming: someone wrote). */
  record InvitationStarted(MessagingInvitation invitation) implements UcwaEvent {
    public InvitationStarted {
      Objects.requireNonNull(invitation, "invitation");
    }
  }

  /** The invitation finished: accepted, or failed with the invitation's failure code. */
  record InvitationCompleted(MessagingInvitation invitation) implements UcwaEvent {
    public InvitationCompleted {
      Objects.requireNonNull(invitation, "invitation");
    }
  }

  /** A conversation resource appeared under {@code communication}. */
  record ConversationAdded(String conversationId, String remoteUri) implements UcwaEvent {
    public ConversationAdded {
      Objects.requireNonNull(conversationId, "conversationId");
      Objects.requireNonNull(remoteUri, "remoteUri");
    }
  }

  /**
   * The conversation's messaging modality changed state ({@code Connected}, {@code Disconnected}).
   */
  record MessagingUpdated(String conversationId, String state) implements UcwaEvent {
    public MessagingUpdated {
      Objects.requireNonNull(conversationId, "conversationId");
      Objects.requireNonNull(state, "state");
    }
  }

  /** A message from the remote participant arrived. */
  record MessageReceived(String conversationId, InstantMessage message) implements UcwaEvent {
    public MessageReceived {
      Objects.requireNonNull(conversationId, "conversationId");
      Objects.requireNonNull(message, "message");
    }
  }

  /** A message the client sent was delivered, or not ({@code failure} then names why). */
  record MessageCompleted(String conversationId, String messageId, String failure)
      implements UcwaEvent {
    public MessageCompleted {
      Objects.requireNonNull(conversationId, "conversationId");
      Objects.requireNonNull(messageId, "messageId");
      failure = failure == null ? "" : failure;
    }
  }

  /** The user's own presence changed. */
  record PresenceUpdated(Availability availability) implements UcwaEvent {
    public PresenceUpdated {
      Objects.requireNonNull(availability, "availability");
    }
  }
}
