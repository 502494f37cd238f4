package io.lyncemu.edge.xmpp.gateway;

import io.lyncemu.core.routing.Availability;
import io.lyncemu.core.routing.InstantMessage;
import io.lyncemu.core.routing.MessageEndpoint;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A local user's client as the router sees it, recording what reaches it. */
final class RecordingEndpoint implements MessageEndpoint {
  final String sipUri;
  final List<InstantMessage> delivered = new CopyOnWriteArrayList<>();
  final List<String> failures = new CopyOnWriteArrayList<>();
  final Map<String, Availability> presence = new ConcurrentHashMap<>();

  RecordingEndpoint(String sipUri) {
    this.sipUri = sipUri;
  }

  @Override
  public String sipUri() {
    return sipUri;
  }

  @Override
  public String endpointId() {
    return "test-" + sipUri;
  }

  @Override
  public String protocol() {
    return "test";
  }

  @Override
  public void deliver(InstantMessage message) {
    delivered.add(message);
  }

  @Override
  public void presenceChanged(String uri, Availability availability) {
    presence.put(uri, availability);
  }

  @Override
  public void deliveryFailed(InstantMessage message, String reason) {
    failures.add(reason);
  }
}
