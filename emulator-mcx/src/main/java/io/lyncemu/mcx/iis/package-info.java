/**
 * HTML bodies that IIS in front of the Lync web services sends for HTTP errors (PROTOCOLS 2.6:
 * {@code text/html; charset=utf-8}, a detailed 401 of about 6 KB), plus HTML escaping for the pages
 * the web services render. Our own markup and wording; pure Java, no Jetty types.
 */
package io.lyncemu.mcx.iis;
