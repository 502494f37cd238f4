/**
 * The Jetty 12 adapter of the admin API: the listener and the one handler that decodes requests and
 * encodes responses. Only this package may import Jetty; the routes live in {@code
 * io.lyncemu.app.admin}.
 */
package io.lyncemu.app.admin.jetty;
