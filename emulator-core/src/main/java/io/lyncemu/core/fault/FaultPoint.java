package io.lyncemu.core.fault;

/**
 * Where an exchange is, as a transport reports it to {@link FaultPlan#decide}: the listener that
 * accepted it, the request path (empty for non-HTTP) and the named protocol step, e.g. {@code
 * webticket.authenticate} or {@code mcx.session.create}.
 */
public record FaultPoint(String listener, String path, String step) {
  public FaultPoint {
    listener = listener == null ? "" : listener;
    path = path == null ? "" : path;
    step = step == null ? "" : step;
  }
}
