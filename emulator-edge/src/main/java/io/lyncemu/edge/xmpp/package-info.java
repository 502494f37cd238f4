/**
 * The Edge XMPP proxy: server-to-server federation on 5269 (RFC 6120 streams, STARTTLS, Server
 * Dialback, SASL EXTERNAL) and the emulator-defined link from the FE XMPP gateway on 23456.
 */
package io.lyncemu.edge.xmpp;
