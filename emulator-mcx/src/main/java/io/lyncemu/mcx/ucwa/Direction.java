package io.lyncemu.mcx.ucwa;

/** Who started a conversation or sent a message, as UCWA's {@code direction} property says. */
public enum Direction {
  INCOMING("Incoming"),
  OUTGOING("Outgoing");

  private final String wireName;

  Direction(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }
}
