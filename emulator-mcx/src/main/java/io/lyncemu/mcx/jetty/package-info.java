/**
 * The Jetty 12 adapter for the web services: listeners (HTTPS and HTTP), the translation between
 * Jetty's request/response and {@link io.lyncemu.mcx.web.WebRequest}/{@link
 * io.lyncemu.mcx.web.WebResponse}, and the transport faults (reset, drop, stall, delay). It makes
 * no decisions; routes in the pure packages do. The only package of this module that imports Jetty.
 */
package io.lyncemu.mcx.jetty;
