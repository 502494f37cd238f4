package io.lyncemu.mcx.xml;

import io.lyncemu.core.EmulatorException;
import java.util.Objects;

/**
 * Thrown when an untrusted XML body is refused by {@link SafeXml}. The message is short, stable and
 * free of parser internals so a handler can copy it into a SOAP fault; the parser's own exception,
 * if any, is kept as the cause for logs.
 */
public final class XmlRejectedException extends EmulatorException {
  private static final long serialVersionUID = 1L;

  /** Why a document was refused. */
  public enum Reason {
    /** The document has a DOCTYPE declaration; DTDs are never processed. */
    DOCTYPE_FORBIDDEN("The request contains a DTD, which is not allowed."),
    /** The bytes are not well-formed XML (including truncated documents). */
    MALFORMED("The request body is not well-formed XML."),
    /** The body is empty or whitespace only. */
    EMPTY("The request body is empty."),
    /** The body is larger than the caller's limit. */
    TOO_LARGE("The request body is too large.");

    private final String faultText;

    Reason(String faultText) {
      this.faultText = faultText;
    }

    /** A sentence suitable for a SOAP {@code faultstring} or diagnostics reason. */
    public String faultText() {
      return faultText;
    }
  }

  private final Reason reason;

  XmlRejectedException(Reason reason, Throwable cause) {
    super(Objects.requireNonNull(reason, "reason").faultText(), cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
