package io.lyncemu.edge.xmpp.gateway;

import io.lyncemu.core.routing.Availability;
import io.lyncemu.core.routing.InstantMessage;
import io.lyncemu.core.routing.MessageEndpoint;

/**
 * A partner user watching a local user's presence, as the router sees it: each availability change
 * becomes a {@code <presence>} from the local user to the partner over the link. A value type, so
 * subscribing the same pair twice leaves one watcher.
 */
record RemoteWatcher(String remoteSipUri, String localSipUri, GatewayLink link)
    implements MessageEndpoint {

  @Override
  public String sipUri() {
    return remoteSipUri;
  }

  @Override
  public String endpointId() {
    return "xmpp:" + XmppTranslation.jidOf(remoteSipUri) + "->" + localSipUri;
  }

  @Override
  public String protocol() {
    return "xmpp";
  }

  /** Never registered for delivery: messages to partners go through the gateway's forward. */
  @Override
  public void deliver(InstantMessage message) {}

  @Override
  public void presenceChanged(String sipUri, Availability availability) {
    link.send(XmppTranslation.toPresence(sipUri, remoteSipUri, availability));
  }
}
