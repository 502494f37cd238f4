/**
 * The Edge side of the emulator-defined 23456 link between the Front End's XMPP Translating Gateway
 * and the Edge's XMPP Translating Gateway Proxy (docs/xmpp-gateway-link.md): a mutual-TLS listener
 * that hands the FE's stanzas to {@link io.lyncemu.edge.xmpp.PartnerTraffic} and brings partner
 * stanzas and delivery failures back. Lync's own framing on this port is not public.
 */
package io.lyncemu.edge.xmpp.internal;
