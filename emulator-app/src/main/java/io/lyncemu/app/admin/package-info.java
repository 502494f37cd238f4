/**
 * The admin API's request logic: routes, JSON bodies and status codes over plain request and
 * response records, so it is tested without a socket. No Jetty types here; the HTTP adapter lives
 * in {@code io.lyncemu.app.admin.jetty}.
 */
package io.lyncemu.app.admin;
