package io.lyncemu.mcx.mobility;

import java.util.Objects;

/** A message the router accepted: its id and how many of the recipient's endpoints got it. */
public record MessageSent(String messageId, int endpoints) {
  public MessageSent {
    Objects.requireNonNull(messageId, "messageId");
  }
}
