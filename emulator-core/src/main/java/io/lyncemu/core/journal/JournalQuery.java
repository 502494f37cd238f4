package io.lyncemu.core.journal;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which events a query or an await is about. Immutable; every criterion narrows the match. An empty
 * query matches everything.
 */
public final class JournalQuery implements Predicate<JournalEvent> {
  private final Set<EventKind> kinds;
  private final String component;
  private final Map<String, String> attributes;
  private final long afterSequence;

  private JournalQuery(
      Set<EventKind> kinds, String component, Map<String, String> attributes, long afterSequence) {
    this.kinds = kinds;
    this.component = component;
    this.attributes = attributes;
    this.afterSequence = afterSequence;
  }

  public static JournalQuery all() {
    return new JournalQuery(EnumSet.noneOf(EventKind.class), "", Map.of(), -1);
  }

  public static JournalQuery kind(EventKind first, EventKind... more) {
    return all().orKind(first, more);
  }

  private JournalQuery orKind(EventKind first, EventKind... more) {
    EnumSet<EventKind> set = EnumSet.of(first, more);
    set.addAll(kinds);
    return new JournalQuery(set, component, attributes, afterSequence);
  }

  public JournalQuery component(String name) {
    return new JournalQuery(kinds, Objects.requireNonNull(name, "name"), attributes, afterSequence);
  }

  public JournalQuery where(String attribute, String value) {
    Map<String, String> copy = new LinkedHashMap<>(attributes);
    copy.put(attribute, value);
    return new JournalQuery(kinds, component, Map.copyOf(copy), afterSequence);
  }

  /** Only events recorded after the one with this sequence number. */
  public JournalQuery after(long sequence) {
    return new JournalQuery(kinds, component, attributes, sequence);
  }

  @Override
  public boolean test(JournalEvent event) {
    return event.sequence() > afterSequence
        && (kinds.isEmpty() || kinds.contains(event.kind()))
        && (component.isEmpty() || component.equals(event.component()))
        && attributes.entrySet().stream()
            .allMatch(e -> e.getValue().equals(event.attributes().get(e.getKey())));
  }

  @Override
  public String toString() {
    return "JournalQuery{kinds="
        + kinds
        + (component.isEmpty() ? "" : ", component=" + component)
        + (attributes.isEmpty() ? "" : ", attributes=" + attributes)
        + (afterSequence < 0 ? "" : ", after=" + afterSequence)
        + "}";
  }
}
