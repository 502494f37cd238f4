/**
 * The Edge XMPP proxy's server-to-server side on 5269: inbound streams from partners (STARTTLS,
 * SASL EXTERNAL, Server Dialback in the receiving and authoritative roles) and the outbound streams
 * the Edge opens to partners (SRV look-up, STARTTLS, SASL EXTERNAL or dialback, reuse). Partner
 * policy comes live from the deployment's {@code Federation} settings. See docs/xmpp-federation.md
 * for the wire sequences and which stream error the emulator sends in which case.
 */
package io.lyncemu.edge.xmpp.s2s;
