package io.lyncemu.edge.testing;

import io.lyncemu.core.routing.Availability;
import io.lyncemu.core.routing.InstantMessage;
import io.lyncemu.core.routing.MessageEndpoint;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A signed-in local user's client as the router sees it, recording what reaches it: messages,
 * delivery failures and presence changes.
 */
public final class RecordingEndpoint implements MessageEndpoint {
  public final List<InstantMessage> received = new CopyOnWriteArrayList<>();
  public final List<String> failures = new CopyOnWriteArrayList<>();
  public final Map<String, Availability> presence = new ConcurrentHashMap<>();
  private final String sipUri;

  public RecordingEndpoint(String sipUri) {
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
    received.add(message);
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
