/**
 * The Edge Server's SIP Access Edge on JAIN-SIP: MTLS 5061 (plus an emulator-only plain TCP
 * listener for SIPp), federation routing between the inside (the router, the Mobility Service) and
 * federated partners' edges, and the router's {@code sip-federation} gateway.
 */
package io.lyncemu.edge.sip;
