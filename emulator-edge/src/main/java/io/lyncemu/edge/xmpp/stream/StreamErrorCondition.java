package io.lyncemu.edge.xmpp.stream;

import java.util.Locale;

/** The stream error conditions of RFC 6120 §4.9.3 that the Edge sends. */
public enum StreamErrorCondition {
  BAD_FORMAT,
  BAD_NAMESPACE_PREFIX,
  CONNECTION_TIMEOUT,
  HOST_UNKNOWN,
  IMPROPER_ADDRESSING,
  INVALID_FROM,
  INVALID_NAMESPACE,
  INVALID_XML,
  NOT_AUTHORIZED,
  NOT_WELL_FORMED,
  POLICY_VIOLATION,
  REMOTE_CONNECTION_FAILED,
  RESOURCE_CONSTRAINT,
  RESTRICTED_XML,
  SYSTEM_SHUTDOWN,
  UNDEFINED_CONDITION,
  UNSUPPORTED_ENCODING,
  UNSUPPORTED_FEATURE,
  UNSUPPORTED_STANZA_TYPE,
  UNSUPPORTED_VERSION;

  /** The element name on the wire, e.g. {@code not-well-formed}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
