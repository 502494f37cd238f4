package io.lyncemu.edge.sip;

import io.lyncemu.core.routing.InstantMessage;
import io.lyncemu.core.routing.MessageEndpoint;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A signed-in user as the router sees it, recording what reaches it and what failed. */
final class RecordingEndpoint implements MessageEndpoint {
  final List<InstantMessage> received = new CopyOnWriteArrayList<>();
  final List<String> failures = new CopyOnWriteArrayList<>();
  private final String uri;

  RecordingEndpoint(String uri) {
    this.uri = uri;
  }

  @Override
  public String sipUri() {
    return uri;
  }

  @Override
  public String endpointId() {
    return "recording-" + uri;
  }

  @Override
  public String protocol() {
    return "test";
  }

  @Override
  public void deliver(InstantMessage message) {
    received.add(message);
  }

  @Override
  public void deliveryFailed(InstantMessage message, String reason) {
    failures.add(reason);
  }
}
