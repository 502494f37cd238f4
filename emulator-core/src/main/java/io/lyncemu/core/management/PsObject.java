package io.lyncemu.core.management;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An output object as PowerShell would show it: a type name and ordered properties. Values are
 * strings, booleans, numbers, lists or null.
 */
public record PsObject(String typeName, Map<String, Object> properties) {
  public PsObject {
    Objects.requireNonNull(typeName, "typeName");
    properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
  }

  public static Builder of(String typeName) {
    return new Builder(typeName);
  }

  public Object get(String property) {
    return properties.get(property);
  }

  /** Collects properties in insertion order, which is the order Format-List prints. */
  public static final class Builder {
    private final String typeName;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    private Builder(String typeName) {
      this.typeName = typeName;
    }

    public Builder put(String name, Object value) {
      properties.put(name, value);
      return this;
    }

    public PsObject build() {
      return new PsObject(typeName, properties);
    }
  }
}
