package io.lyncemu.core.lifecycle;

import java.net.InetSocketAddress;

/** A listener could not bind its address; the message names the setting to change. */
public final class PortBindException extends StartupException {
  private static final long serialVersionUID = 1L;

  public PortBindException(String listener, InetSocketAddress address, Throwable cause) {
    super(
        "listener '"
            + listener
            + "' could not bind "
            + address.getHostString()
            + ":"
            + address.getPort()
            + " ("
            + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage())
            + "); stop whatever holds that port, choose another with --port "
            + listener
            + "=N, or use --ports ephemeral",
        cause);
  }
}
