/**
 * The deployment model: immutable records for the SIP domain, pools, edge, users, mobility
 * policies, web service and MCX configuration, with Lync's documented defaults for anything
 * omitted; the one loader that knows the file format; and {@link
 * io.lyncemu.core.topology.Deployment}, the live state that cmdlets change and every protocol
 * handler reads.
 */
package io.lyncemu.core.topology;
