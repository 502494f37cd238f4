/**
 * The Front End's XMPP Translating Gateway (service RTCXMPPTGW): a {@link
 * io.lyncemu.core.routing.FederationGateway} that translates Lync IM and presence to XMPP stanzas
 * and back, and the client end of the emulator-defined 23456 link to the Edge
 * (docs/xmpp-gateway-link.md), which exists only while the site's XMPP federation route is
 * assigned.
 */
package io.lyncemu.edge.xmpp.gateway;
