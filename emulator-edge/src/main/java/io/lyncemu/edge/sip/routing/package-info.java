/**
 * The Access Edge's federation rules as pure decisions, free of any SIP stack: given the live
 * {@link io.lyncemu.core.federation.Federation} settings and who is talking to whom, {@link
 * io.lyncemu.edge.sip.routing.FederationPolicy} answers where a request goes or why it is refused,
 * with the {@code ms-diagnostics} the refusal carries.
 */
package io.lyncemu.edge.sip.routing;
