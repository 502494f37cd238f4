/**
 * The framework-free HTTP model the web services are written against: {@link
 * io.lyncemu.mcx.web.WebRequest} in, {@link io.lyncemu.mcx.web.WebResponse} out, one {@link
 * io.lyncemu.mcx.web.WebRoute} per service. Routes decide everything (status, headers, body, faults
 * at named protocol steps); the Jetty adapter only translates. No Jetty types live here.
 */
package io.lyncemu.mcx.web;
