package io.lyncemu.synthetic.httpclient;

import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * An exchange that produced no HTTP answer, classified the way the synthetic transactions report
 * it: refused, timed out, TLS trust failed, or the connection broke.
 */
public final class HttpFailure extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why no answer came. */
  public enum Kind {
    /** Nothing listens at the address (TCP RST on connect). */
    REFUSED,
    /** Connect or response timeout elapsed. */
    TIMEOUT,
    /** The TLS handshake failed, typically an untrusted or mismatched server certificate. */
    TLS,
    /** The host name did not resolve. */
    UNRESOLVED,
    /** The connection closed or reset before a complete answer. */
    CLOSED
  }

  private final Kind kind;
  private final transient InetSocketAddress address;

  public HttpFailure(Kind kind, InetSocketAddress address, Throwable cause) {
    super(kind + " " + address + ": " + cause.getMessage(), cause);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.address = Objects.requireNonNull(address, "address");
  }

  public Kind kind() {
    return kind;
  }

  /** The address the client connected to (or tried to). */
  public InetSocketAddress address() {
    return address;
  }

  public Optional<String> detail() {
    return Optional.ofNullable(getCause()).map(Throwable::getMessage);
  }
}
